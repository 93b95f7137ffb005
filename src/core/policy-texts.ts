/**
 * The long texts of the default categories: descriptions, vendors and the
 * cookies they set, written from the privacy policy's facts (sections 2.1,
 * 3, 8, 9). Kept out of the guard (which must stay small): only the UI and
 * the ESM build import this file, through `withPolicyTexts`.
 *
 * The policy does not name its third parties, so the vendors below are the
 * common ones for the tools it describes; a site owner lists their own with
 * `categories: [{ id: 'analytics', vendors: [...] }]`.
 */
import type { CategoryConfig, CategoryId, ConsentryConfig, LocalizedText, VendorInfo } from './types';

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

const SITE = t('This website', '本网站');

interface CategoryTexts {
  description: LocalizedText;
  vendors: VendorInfo[];
}

/** Descriptions and vendor tables of the built-in categories, by id. */
export const POLICY_TEXTS: Record<CategoryId, CategoryTexts> = {
  necessary: {
    description: t(
      'Needed for the site to work and to keep your account safe: signing in, security checks, fraud prevention, and remembering the cookie choice you make here. They cannot be switched off.',
      '网站正常运行和保护账户安全所必需:登录、安全校验、防范欺诈,以及记住您在这里做出的 Cookie 选择。此类 Cookie 无法关闭。',
    ),
    vendors: [
      {
        name: SITE,
        purpose: t('Sign-in, security and your cookie choice.', '登录、安全防护以及保存您的 Cookie 选择。'),
        cookies: [
          {
            name: 'consentry',
            purpose: t('Remembers which categories you allowed, so you are not asked on every page.', '记住您允许了哪些类别,免得每个页面都再问一次。'),
            duration: t('6 months', '6 个月'),
          },
        ],
      },
    ],
  },
  preferences: {
    description: t(
      'Remember your settings, such as language and meeting preferences, and let us offer help and instructions suited to how you use the service.',
      '记住您的设置(如语言和会议偏好),并根据您的使用方式为您提供更贴切的帮助和操作指引。',
    ),
    vendors: [
      {
        name: SITE,
        purpose: t('Your settings and personalised help.', '保存您的设置,提供个性化帮助。'),
        cookies: [],
      },
    ],
  },
  analytics: {
    description: t(
      'Third-party statistics and analysis tools count visits and follow traffic patterns (device and browser versions, meeting length, how people join) so we can see what works and improve it. They do not collect your name, email address or bank card details.',
      '第三方数据统计与分析工具会统计访问量、分析流量模式(如设备与浏览器版本、会议时长、入会方式),帮助我们了解哪些内容有用并加以改进。这些工具不会收集您的姓名、电子邮箱或银行卡信息。',
    ),
    vendors: [
      {
        name: t('Baidu Tongji', '百度统计'),
        policyUrl: 'https://www.baidu.com/duty/yinsiquan.html',
        purpose: t('Visit statistics and traffic sources.', '访问统计与流量来源分析。'),
        cookies: [
          { name: 'Hm_lvt_*', purpose: t('Times of your earlier visits.', '记录您之前的访问时间。'), duration: t('1 year', '1 年') },
          { name: 'Hm_lpvt_*', purpose: t('Time of your latest visit.', '记录您最近一次访问的时间。'), duration: t('Session', '会话期间') },
        ],
      },
      {
        name: 'Google Analytics',
        policyUrl: 'https://policies.google.com/privacy',
        purpose: t('Visit statistics and how pages are used.', '访问统计及页面使用情况分析。'),
        cookies: [
          { name: '_ga', purpose: t('Tells visitors apart, without your name.', '区分不同访客(不含您的姓名)。'), duration: t('2 years', '2 年') },
          { name: '_ga_*', purpose: t('Keeps the state of a visit.', '保存本次访问的状态。'), duration: t('2 years', '2 年') },
        ],
      },
    ],
  },
  advertising: {
    description: t(
      'Let ads be chosen from your information instead of showing everyone the same ones, and let us share statistics that do not identify you with advertisers and partners. Refusing does not remove ads; they become less relevant.',
      '让广告根据您的信息进行投放,而不是向所有人展示相同的广告;并允许我们把无法识别您身份的统计数据提供给广告商和合作伙伴。拒绝后广告不会减少,只是与您的相关性会降低。',
    ),
    vendors: [
      {
        name: 'Google Ads / DoubleClick',
        policyUrl: 'https://policies.google.com/technologies/ads',
        purpose: t('Measures ads and chooses relevant ones.', '衡量广告效果并选择相关广告。'),
        cookies: [
          { name: '_gcl_au', purpose: t('Links ad clicks to visits.', '将广告点击与访问关联起来。'), duration: t('3 months', '3 个月') },
          { name: 'IDE', purpose: t('Shows you relevant ads on other sites.', '在其他网站上向您展示相关广告。'), duration: t('13 months', '13 个月') },
        ],
      },
      {
        name: t('Baidu Marketing', '百度营销'),
        policyUrl: 'https://www.baidu.com/duty/yinsiquan.html',
        purpose: t('Measures ad conversions.', '衡量广告转化效果。'),
        cookies: [{ name: 'BAIDUID', purpose: t('Tells browsers apart for ad statistics.', '用于广告统计时区分不同浏览器。'), duration: t('1 year', '1 年') }],
      },
    ],
  },
  email: {
    description: t(
      'Our emails may use personalised links that record which links you click, so we can send you more useful emails. Every newsletter has an unsubscribe link. While this is off, we remove the tracking parts from links you open here.',
      '我们的邮件可能使用定制链接来记录您点击了哪些链接,以便向您发送更合适的邮件。每一封通讯邮件都附有退订链接。关闭此项后,您在本网站打开的链接中的追踪参数会被移除。',
    ),
    vendors: [
      {
        name: t('Our email service', '我们的邮件服务'),
        purpose: t('Records which email links were clicked (through the link itself, no cookie).', '记录邮件中的哪些链接被点击(通过链接本身记录,不使用 Cookie)。'),
        cookies: [],
      },
    ],
  },
};

/**
 * `config` with the built-in categories' empty descriptions and vendor lists
 * filled from the policy texts. What a site owner wrote is kept.
 */
export function withPolicyTexts(config: ConsentryConfig): ConsentryConfig {
  const fill = (category: CategoryConfig): CategoryConfig => {
    const texts = POLICY_TEXTS[category.id];
    if (!texts) return category;
    return {
      ...category,
      description: category.description.en ? category.description : { ...texts.description, ...stripEmpty(category.description) },
      vendors: category.vendors.length ? category.vendors : texts.vendors,
    };
  };
  return { ...config, categories: config.categories.map(fill) };
}

const stripEmpty = (text: LocalizedText): Partial<LocalizedText> =>
  Object.fromEntries(Object.entries(text).filter(([, v]) => v)) as Partial<LocalizedText>;
