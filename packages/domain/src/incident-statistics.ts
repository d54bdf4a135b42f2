import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarMonths, format, startOfMonth, subMonths } from 'date-fns';
import { z } from 'zod';
import { addDays as addCalendarDays, addMonths as addCalendarMonths } from './calendar.ts';
import { clockSkewMs, incidentContexts, incidentKinds, incidentTypes } from './incidents.ts';
import { idSchema } from './text.ts';
import { localized } from './validation.ts';

const stockholm = 'Europe/Stockholm';
/** The longest period one statistics request may cover: ten years of months. */
export const statisticsMonthsMax = 120;
/**
 * Counts derived from person-of-concern data (GDPR art. 10) between 1 and this number less one are
 * shown as "fewer than 5" to readers without need-to-know (docs/decisions/2026-11-23-incident-statistics.md).
 */
export const smallCountThreshold = 5;

/**
 * The statistics page's filters. `from` and `to` are calendar dates in Europe/Stockholm, both
 * included; left out they default to the last 12 months (see `statisticsPeriod`). `unitId` narrows
 * to an organisation subtree.
 */
export const incidentStatisticsQuerySchema = z
  .strictObject({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    unitId: idSchema.optional(),
    kind: z.enum(incidentKinds).optional(),
  })
  .superRefine((query, context) => {
    if (query.from && query.to && query.from > query.to) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        ...localized('The end cannot come before the start', 'Slutet kan inte ligga före början'),
      });
    } else if (query.from && query.to && monthsBetween(query.from, query.to) > statisticsMonthsMax) {
      context.addIssue({
        code: 'custom',
        path: ['from'],
        ...localized('The period can be at most ten years', 'Perioden kan vara högst tio år'),
      });
    }
  });
export type IncidentStatisticsQuery = z.infer<typeof incidentStatisticsQuerySchema>;

/** Calendar months touched from `from` to `to` (dates), both included. */
function monthsBetween(from: string, to: string): number {
  return differenceInCalendarMonths(new Date(`${to}T12:00:00Z`), new Date(`${from}T12:00:00Z`)) + 1;
}

/** The start of a calendar date (YYYY-MM-DD) in Stockholm. */
function stockholmMidnight(date: string): TZDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, stockholm);
}

export interface StatisticsPeriod {
  /** First day, a Stockholm calendar date (YYYY-MM-DD), included. */
  from: string;
  /** Last day, included. */
  to: string;
  /** The instants the period covers: from Stockholm midnight of `from` to that of the day after `to`. */
  startsAt: Date;
  endsBefore: Date;
  /** Every Stockholm month of the period ('YYYY-MM'), oldest first. */
  months: string[];
  /** The instant each of `months` begins in Stockholm (the first may lie before `startsAt`). */
  monthStarts: Date[];
}

/**
 * The period a query asks for, with its defaults: the last 12 months = from the first day of the
 * month eleven months back (Stockholm) to today. A lone `from` runs to today; a lone `to` starts
 * eleven months before the month of `to`.
 */
export function statisticsPeriod(
  query: Pick<IncidentStatisticsQuery, 'from' | 'to'>,
  now = new Date(),
): StatisticsPeriod {
  const today = format(new TZDate(now, stockholm), 'yyyy-MM-dd');
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? format(subMonths(startOfMonth(stockholmMidnight(to)), 11), 'yyyy-MM-dd');
  const startsAt = new Date(stockholmMidnight(from).getTime());
  const endsBefore = new Date(addDays(stockholmMidnight(to), 1).getTime());
  const months: string[] = [];
  const monthStarts: Date[] = [];
  for (
    let month = startOfMonth(stockholmMidnight(from));
    format(month, 'yyyy-MM') <= to.slice(0, 7);
    month = addMonths(month, 1)
  ) {
    months.push(format(month, 'yyyy-MM'));
    monthStarts.push(new Date(month.getTime()));
  }
  return { from, to, startsAt, endsBefore, months, monthStarts };
}

/**
 * The period cut into its whole Stockholm months (`first` and `last` as 'YYYY-MM-01', null when no
 * month is whole) and the days before and after them (`partial`, dates both included): the whole
 * months can be counted from a monthly rollup, the partial days only from the incidents. A period
 * that ends after the latest time a report may carry (`now` plus the clock skew allowed) takes the
 * rest of its last month as whole: nothing can have occurred in it yet, so "the last 12 months" up to
 * today is 12 whole months.
 */
export function splitStatisticsPeriod(
  period: Pick<StatisticsPeriod, 'from' | 'to' | 'endsBefore'>,
  now = new Date(),
): {
  wholeMonths: { first: string; last: string } | null;
  partial: { from: string; to: string }[];
} {
  const { from } = period;
  const isOpenEnded = period.endsBefore.getTime() >= now.getTime() + clockSkewMs;
  const to = isOpenEnded ? addCalendarDays(addCalendarMonths(`${period.to.slice(0, 7)}-01`, 1), -1) : period.to;
  const firstWhole = from.endsWith('-01') ? from : addCalendarMonths(`${from.slice(0, 7)}-01`, 1);
  const afterLastWhole = `${addCalendarDays(to, 1).slice(0, 7)}-01`;
  if (firstWhole >= afterLastWhole) return { wholeMonths: null, partial: [{ from, to }] };
  return {
    wholeMonths: { first: firstWhole, last: addCalendarMonths(afterLastWhole, -1) },
    partial: [
      ...(from < firstWhole ? [{ from, to: addCalendarDays(firstWhole, -1) }] : []),
      ...(afterLastWhole <= to ? [{ from: afterLastWhole, to }] : []),
    ],
  };
}

const countSchema = z.number().int().min(0);

/**
 * A count derived from person-of-concern data: exact, or withheld (`count` null) when it lies
 * between 1 and `smallCountThreshold` − 1 and the reader lacks need-to-know for the whole scope.
 */
export const protectedCountSchema = z.object({ count: countSchema.nullable(), isSuppressed: z.boolean() });
export type ProtectedCount = z.infer<typeof protectedCountSchema>;

/**
 * The statistics of the incidents in the reader's scope that occurred in the period. An incident of
 * several types counts once under each of them, so the per-type counts may add up to more than the
 * total; `byUnit` holds a row with `unitId` null for reports that belong to a party only.
 */
export const incidentStatisticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: countSchema,
  byMonth: z.array(z.object({ month: z.string(), count: countSchema })),
  byType: z.array(z.object({ type: z.enum(incidentTypes), count: countSchema })),
  byContext: z.array(z.object({ context: z.enum(incidentContexts), count: countSchema })),
  byUnit: z.array(z.object({ unitId: idSchema.nullable(), name: z.string().nullable(), count: countSchema })),
  policeReportMade: countSchema,
  /** policeReportMade / total, 0–1; null without incidents. */
  policeReportShare: z.number().nullable(),
  /** Median of the days from the report to its acknowledgement, of the acknowledged ones; null without. */
  medianDaysToAcknowledgement: z.number().nullable(),
  acknowledgedCount: countSchema,
  /** Incidents whose person of concern has a suspected or confirmed link. */
  gangCrimeLink: protectedCountSchema,
  violentExtremismLink: protectedCountSchema,
});
export type IncidentStatistics = z.infer<typeof incidentStatisticsSchema>;

/** A person-of-concern count as a reader with (`isExact`) or without need-to-know may see it. */
export function protectCount(count: number, isExact: boolean): ProtectedCount {
  const isSuppressed = !isExact && count > 0 && count < smallCountThreshold;
  return { count: isSuppressed ? null : count, isSuppressed };
}
