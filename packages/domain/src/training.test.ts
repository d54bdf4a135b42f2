import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, stockholmDate } from './calendar.ts';
import { coverageOf, coverageStatusOf, validUntilOf } from './training.ts';

test('a completion holds for its validity, through the day before the anniversary', () => {
  assert.equal(validUntilOf('2026-03-01', 24), '2028-02-29');
  assert.equal(validUntilOf('2026-11-23', 12), '2027-11-22');
  assert.equal(validUntilOf('2026-11-23', null), null);
});

test('months are added clamped to the end of the month', () => {
  assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
  assert.equal(addMonths('2027-12-15', 1), '2028-01-15');
});

test('today is the calendar day in Stockholm, not in UTC', () => {
  // 23:30 UTC on 31 December is already New Year's Day in Stockholm (UTC+1 in winter).
  assert.equal(stockholmDate(new Date('2026-12-31T23:30:00Z')), '2027-01-01');
  // 22:30 UTC in June is 00:30 the next day in Stockholm (UTC+2 in summer).
  assert.equal(stockholmDate(new Date('2026-06-14T22:30:00Z')), '2026-06-15');
  assert.equal(stockholmDate(new Date('2026-06-14T21:30:00Z')), '2026-06-14');
});

test('expiry boundaries: valid on the last day, missing the day after, expiring within 90 days', () => {
  const today = '2026-11-23';
  assert.equal(coverageStatusOf(undefined, today), 'missing');
  assert.equal(coverageStatusOf(null, today), 'valid');
  assert.equal(coverageStatusOf('2026-11-22', today), 'missing');
  assert.equal(coverageStatusOf('2026-11-23', today), 'expiring');
  assert.equal(coverageStatusOf('2027-02-20', today), 'expiring', '89 days ahead');
  assert.equal(coverageStatusOf('2027-02-21', today), 'valid', '90 days ahead');
});

test('a course done just before midnight in Stockholm expires by the Stockholm calendar', () => {
  const completedOn = stockholmDate(new Date('2025-11-22T23:15:00Z')); // 00:15 on 23 November in Stockholm
  const validUntil = validUntilOf(completedOn, 12);
  assert.equal(validUntil, '2026-11-22');
  // 23:59 on 22 November in Stockholm is the last valid minute; one minute later it is missing.
  assert.equal(coverageStatusOf(validUntil, stockholmDate(new Date('2026-11-22T22:59:00Z'))), 'expiring');
  assert.equal(coverageStatusOf(validUntil, stockholmDate(new Date('2026-11-22T23:00:00Z'))), 'missing');
});

test('coverage counts each person of the target group once, by their best completion', () => {
  const coverage = coverageOf(
    ['anna', 'bo', 'cia', 'dan', 'anna'],
    [
      { personId: 'anna', validUntil: '2026-01-01' },
      { personId: 'anna', validUntil: '2028-01-01' },
      { personId: 'bo', validUntil: '2027-01-10' },
      { personId: 'cia', validUntil: null },
      { personId: 'cia', validUntil: '2020-01-01' },
      { personId: 'outsider', validUntil: '2030-01-01' },
    ],
    '2026-11-23',
  );
  assert.deepEqual(
    { ...coverage, statusOf: undefined },
    { targetCount: 4, validCount: 2, expiringCount: 1, missingCount: 1, statusOf: undefined },
  );
  assert.equal(coverage.statusOf.get('dan'), 'missing');
  assert.equal(coverage.statusOf.get('bo'), 'expiring');
  assert.equal(coverage.statusOf.has('outsider'), false);
});
