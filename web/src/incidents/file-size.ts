import type { Language } from '../shared/i18n/i18n.ts';

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** A file's size for people: "12 kB", "1,4 MB" (Swedish decimal comma, English point). */
export function formatFileSize(bytes: number, language: Language): string {
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(locales[language], { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} kB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}
