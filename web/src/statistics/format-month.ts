import type { Language } from '../shared/i18n/i18n.ts';

const formats: Record<Language, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** A Stockholm month ('2026-01') as the language writes it: "jan. 2026", "Jan 2026". */
export function formatMonth(month: string, language: Language): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // Mid-month in UTC: the month is already Stockholm's, no time zone may move it.
  return formats[language].format(new Date(Date.UTC(year, monthNumber - 1, 15)));
}

const percentFormats: Record<Language, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }),
};

export function formatPercent(share: number, language: Language): string {
  return percentFormats[language].format(share);
}
