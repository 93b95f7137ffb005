import type { LocalizedText, VendorInfo } from '../../core/types';

/** The text for `language` (then its base language, then English); '' when there is none. */
export function localized(text: LocalizedText | undefined, language: string): string {
  if (!text || typeof text !== 'object') return '';
  const base = language.split('-')[0];
  const zhFallback = base === 'zh' ? text['zh-CN'] ?? text.zh : undefined;
  const value = text[language] ?? text[base] ?? zhFallback ?? text.en;
  return typeof value === 'string' ? value : '';
}

/** A vendor the site owner configured, in one language. */
export interface LocalVendor {
  name: string;
  policyUrl?: string;
  purpose: string;
  cookies: { name: string; purpose: string; duration: string }[];
}

/** A vendor the site owner configured, in `language`. */
export function localVendor(vendor: VendorInfo, language: string): LocalVendor {
  return {
    name: typeof vendor.name == 'string' ? vendor.name : localized(vendor.name, language),
    ...(vendor.policyUrl ? { policyUrl: vendor.policyUrl } : {}),
    purpose: localized(vendor.purpose, language),
    cookies: (vendor.cookies ?? []).map((cookie) => ({
      name: cookie.name,
      purpose: localized(cookie.purpose, language),
      duration: localized(cookie.duration, language),
    })),
  };
}
