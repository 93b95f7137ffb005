/**
 * The descriptions of the built-in categories: generic, bilingual, true of
 * any site (no vendor, company or contact). Kept out of the guard, which must
 * stay small: the UI's language files carry them (ui/locale-resources.ts), and
 * the ESM build exports them with `withCategoryTexts`. A site describes its
 * own tools with `categories: [{ id: 'analytics', description, vendors }]`, or
 * starts from a preset (src/presets/).
 */
import type { CategoryConfig, CategoryId, ConsentryConfig, LocalizedText } from './types';

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

/** The description of each built-in category, by id. */
export const CATEGORY_TEXTS: Record<CategoryId, LocalizedText> = {
  necessary: t(
    'Needed for the site to work and to keep it secure, for example signing in, security checks and remembering the cookie choice you make here. They cannot be switched off.',
    '网站正常运行和保障安全所必需，例如登录、安全校验，以及记住您在这里做出的 Cookie 选择。此类 Cookie 无法关闭。',
  ),
  preferences: t(
    'Remember your settings, such as your language, so the site works the way you chose.',
    '记住您的设置（例如语言），让网站按您的选择运行。',
  ),
  analytics: t(
    'Count visits and show which pages are used and how, so the site can be improved. The results are statistics about all visitors.',
    '统计访问量，了解哪些页面被使用、如何被使用，以便改进网站。得出的是关于全体访客的统计数据。',
  ),
  advertising: t(
    'Measure ads and choose them from your interests instead of showing everyone the same ones, which may mean sharing data with advertising partners. Refusing does not remove ads; they become less relevant to you.',
    '衡量广告效果，并根据您的兴趣挑选广告，而不是向所有人展示相同的广告；这可能需要与广告合作伙伴共享数据。拒绝后广告不会消失，只是与您的相关性会降低。',
  ),
  email: t(
    'Links in our emails may record which ones you click, so we can send you more useful emails. While this is off, tracking parameters are removed from the links you open on this site.',
    '我们邮件中的链接可能会记录您点击了哪些链接，以便向您发送更有用的邮件。关闭此项后，您在本网站打开的链接中的追踪参数会被移除。',
  ),
};

/**
 * `config` with the built-in categories' descriptions filled from
 * `CATEGORY_TEXTS` where the site wrote none in English (a site's own
 * description is kept whole: our other languages would not translate it).
 */
export function withCategoryTexts(config: ConsentryConfig): ConsentryConfig {
  const fill = (category: CategoryConfig): CategoryConfig => {
    const texts = CATEGORY_TEXTS[category.id];
    if (!texts || category.description.en) return category;
    return { ...category, description: { ...texts, ...stripEmpty(category.description) } };
  };
  return { ...config, categories: config.categories.map(fill) };
}

const stripEmpty = (text: LocalizedText): Partial<LocalizedText> =>
  Object.fromEntries(Object.entries(text).filter(([, v]) => v)) as Partial<LocalizedText>;
