import type { IsDayOff } from '@varn/domain';
import Holidays from 'date-holidays';

// Public holidays (röda dagar) and the eves that Swedish collective agreements treat as days off
// (midsommarafton, julafton, nyårsafton: type 'bank' in date-holidays). Half days ('optional',
// e.g. trettondagsafton) and observances (e.g. skärtorsdagen) stay working days.
const dayOffTypes = new Set(['public', 'bank']);

const swedishHolidays = new Holidays('SE');
const daysOffByYear = new Map<number, ReadonlySet<string>>();

function daysOffIn(year: number): ReadonlySet<string> {
  let days = daysOffByYear.get(year);
  if (!days) {
    days = new Set(
      swedishHolidays
        .getHolidays(year)
        .filter((holiday) => dayOffTypes.has(holiday.type))
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    daysOffByYear.set(year, days);
  }
  return days;
}

/** Whether a Stockholm calendar date ('YYYY-MM-DD') is a Swedish holiday or a de facto day off. */
export const isSwedishDayOff: IsDayOff = (stockholmDate) =>
  daysOffIn(Number(stockholmDate.slice(0, 4))).has(stockholmDate);
