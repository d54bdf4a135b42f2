/**
 * Calendar dates ('YYYY-MM-DD') as people in Stockholm count them: due dates, expiry and "the last
 * 12 months" are matters of Swedish calendar days, whatever the server's or the device's time zone.
 */
import { TZDate } from '@date-fns/tz';

/** The date in Stockholm at the given moment (now by default). */
export function stockholmDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

/** Adds months to a date, clamped to the month's end: 2026-08-31 + 6 months = 2027-02-28. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** 08:00 in Stockholm on the date: when a reminder of something due that day fires, whatever the season. */
export function stockholmMorning(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, 8, 0, 0, 'Europe/Stockholm').getTime());
}
