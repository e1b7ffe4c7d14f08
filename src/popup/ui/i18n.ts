// UI strings from _locales through browser.i18n (which follows the browser's language),
// with the English file as the fallback where i18n is absent (unit tests).
import browser from 'webextension-polyfill';
import en from '../../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

function substitute(text: string, subs: readonly string[]): string {
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const s = subs.map(String);
  try {
    const got = browser.i18n.getMessage(key, s);
    if (got) return got;
  } catch {
    // No i18n here: fall through to English.
  }
  return substitute(en[key].message, s);
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}
