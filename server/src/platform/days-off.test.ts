import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acknowledgementReminderAt } from '@varn/domain';
import { isSwedishDayOff } from './days-off.ts';

const reminderAfter = (reportedAt: string, workingDays = 2) =>
  acknowledgementReminderAt(new Date(reportedAt), workingDays, isSwedishDayOff).toISOString();

test('public holidays and the eves Swedish agreements give off are days off; half days and observances are not', () => {
  for (const dayOff of ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-06', '2027-06-06', '2027-06-25']) {
    assert.equal(isSwedishDayOff(dayOff), true, dayOff);
  }
  for (const dayOff of ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31']) {
    assert.equal(isSwedishDayOff(dayOff), true, dayOff);
  }
  // Skärtorsdagen, trettondagsafton and valborgsmässoafton are (at most half) working days.
  for (const workingDay of ['2027-03-25', '2027-01-05', '2027-04-30', '2026-11-23']) {
    assert.equal(isSwedishDayOff(workingDay), false, workingDay);
  }
});

test('a report on skärtorsdagen is reminded of after Easter Monday, in summer time', () => {
  // Thursday 25 March 2027 10:00 (CET); långfredagen and annandag påsk are off, summer time starts on Easter Day.
  assert.equal(reminderAfter('2027-03-25T09:00:00Z', 1), '2027-03-30T08:00:00.000Z');
  assert.equal(reminderAfter('2027-03-25T09:00:00Z', 2), '2027-03-31T08:00:00.000Z');
});

test('a report the day before midsommarafton is reminded of on the Tuesday after', () => {
  // Thursday 24 June 2027 14:00 (CEST): midsommarafton Friday off → Monday, Tuesday.
  assert.equal(reminderAfter('2027-06-24T12:00:00Z'), '2027-06-29T12:00:00.000Z');
});

test('over Christmas and New Year the eves and holidays are skipped', () => {
  // Wednesday 23 December 2026 09:00: julafton and juldagen off → Monday 28, Tuesday 29.
  assert.equal(reminderAfter('2026-12-23T08:00:00Z'), '2026-12-29T08:00:00.000Z');
  // Wednesday 30 December: nyårsafton and nyårsdagen off → Monday 4, Tuesday 5 (trettondagsafton works).
  assert.equal(reminderAfter('2026-12-30T08:00:00Z'), '2027-01-05T08:00:00.000Z');
});

test('in the weeks summer time starts and ends the reminder keeps the Stockholm hour', () => {
  // Friday 27 March 2026 16:00 CET → Tuesday 31 March 16:00 CEST.
  assert.equal(reminderAfter('2026-03-27T15:00:00Z'), '2026-03-31T14:00:00.000Z');
  // Friday 23 October 2026 16:00 CEST → Tuesday 27 October 16:00 CET.
  assert.equal(reminderAfter('2026-10-23T14:00:00Z'), '2026-10-27T15:00:00.000Z');
});
