import type { Locale } from '@custos/engine';

/**
 * The locale of a request: from `Accept-Language` when it names Chinese or English (the first
 * such language wins), otherwise the fallback (the tenant's default, then the server's).
 */
export function localeOf(acceptLanguage: string | undefined, fallback: Locale): Locale {
  if (acceptLanguage === undefined) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return fallback;
}
