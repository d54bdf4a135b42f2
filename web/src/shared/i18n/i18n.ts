import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { sv } from './sv.ts';

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'varn.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : 'sv';
  } catch {
    return 'sv';
  }
}

/** Swedish unless the person chose English earlier on this device. */
export function setUpI18n() {
  const language = storedLanguage();
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: language,
    fallbackLng: 'sv',
    supportedLngs: languages,
    initAsync: false,
    // React escapes what it renders; escaping twice would show entities.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Changes the UI language, remembers it and keeps `<html lang>` in step for assistive technology. */
export async function changeLanguage(language: Language) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode may forbid storage; the choice then lasts for this page only.
  }
}
