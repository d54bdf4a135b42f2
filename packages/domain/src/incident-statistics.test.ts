import assert from 'node:assert/strict';
import { test } from 'node:test';
import { incidentStatisticsQuerySchema, protectCount, statisticsPeriod } from './incident-statistics.ts';

test('the default period is the last 12 Stockholm months up to today', () => {
  const period = statisticsPeriod({}, new Date('2026-11-23T13:00:00Z'));
  assert.equal(period.from, '2025-12-01');
  assert.equal(period.to, '2026-11-23');
  assert.equal(period.startsAt.toISOString(), '2025-11-30T23:00:00.000Z');
  assert.equal(period.endsBefore.toISOString(), '2026-11-23T23:00:00.000Z');
  assert.equal(period.months.length, 12);
  assert.deepEqual([period.months[0], period.months.at(-1)], ['2025-12', '2026-11']);
});

test("today is Stockholm's today: half past midnight on New Year's Day is already the new year", () => {
  assert.equal(statisticsPeriod({}, new Date('2026-12-31T23:30:00Z')).to, '2027-01-01');
});

test('dates are Stockholm days, summer time included', () => {
  const period = statisticsPeriod({ from: '2026-03-29', to: '2026-04-02' });
  assert.equal(period.startsAt.toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal(period.endsBefore.toISOString(), '2026-04-02T22:00:00.000Z');
  assert.deepEqual(period.months, ['2026-03', '2026-04']);
  assert.deepEqual(
    period.monthStarts.map((start) => start.toISOString()),
    ['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
  );
});

test('an end before the start and more than ten years are refused', () => {
  const backwards = incidentStatisticsQuerySchema.safeParse({ from: '2026-05-01', to: '2026-01-01' });
  assert.equal(backwards.error?.issues[0]?.path[0], 'to');
  const tooLong = incidentStatisticsQuerySchema.safeParse({ from: '2000-01-01', to: '2026-01-01' });
  assert.equal(tooLong.error?.issues[0]?.path[0], 'from');
  assert.ok(incidentStatisticsQuerySchema.safeParse({ from: '2016-02-01', to: '2026-01-31' }).success);
});

test('person-of-concern counts of 1 to 4 are withheld without need-to-know, never 0 or 5', () => {
  assert.deepEqual(protectCount(0, false), { count: 0, isSuppressed: false });
  assert.deepEqual(protectCount(1, false), { count: null, isSuppressed: true });
  assert.deepEqual(protectCount(4, false), { count: null, isSuppressed: true });
  assert.deepEqual(protectCount(5, false), { count: 5, isSuppressed: false });
  assert.deepEqual(protectCount(3, true), { count: 3, isSuppressed: false });
});
