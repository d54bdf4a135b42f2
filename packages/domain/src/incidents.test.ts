import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDirectIdentifiers } from './identifiers.ts';
import {
  canMoveIncident,
  incidentReportSchema,
  isSerious,
  requiresWorkEnvironmentAuthorityNotice,
  requiresWorkInjuryReport,
  stockholmDayEnd,
  stockholmDayStart,
  stockholmWallClock,
} from './incidents.ts';
import { fieldErrorsOf } from './validation.ts';

const shortReport = {
  kind: 'incident',
  types: ['threat'],
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  place: { kind: 'free', description: 'Entrén till Jobbtorg City' },
  context: 'drop_in',
  channel: 'in_person',
  description: 'En besökare hotade att vänta på mig efter jobbet.',
};

test('the short form alone is a complete report; the rest takes its defaults', () => {
  const report = incidentReportSchema.parse(shortReport);
  assert.equal(report.consequences.physicalInjury, false);
  assert.equal(report.crisisSupport.status, 'not_offered');
  assert.equal(report.personOfConcern, null);
  assert.equal(isSerious(report), false);
});

test('a situation that caused injury is never a near miss, nor a risk observation', () => {
  for (const kind of ['near_miss', 'risk_observation']) {
    const result = incidentReportSchema.safeParse({
      ...shortReport,
      kind,
      consequences: { psychologicalInjury: true },
    });
    assert.equal(result.success, false);
    const [error] = fieldErrorsOf(result.error?.issues ?? []);
    assert.equal(error?.path, 'kind');
    assert.match(error?.message.sv ?? '', /alltid en händelse/);
  }
  assert.ok(incidentReportSchema.safeParse({ ...shortReport, consequences: { sickLeaveDays: 3 } }).success);
  assert.equal(
    incidentReportSchema.safeParse({ ...shortReport, kind: 'near_miss', consequences: { sickLeaveDays: 2 } }).success,
    false,
  );
});

test('a report cannot be dated in the future, beyond a phone clock’s drift', () => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  const result = incidentReportSchema.safeParse({ ...shortReport, occurredAt: tomorrow });
  assert.equal(fieldErrorsOf(result.error?.issues ?? [])[0]?.path, 'occurredAt');
  const inTwoMinutes = new Date(Date.now() + 120_000).toISOString();
  assert.ok(incidentReportSchema.safeParse({ ...shortReport, occurredAt: inTwoMinutes }).success);
});

test('no police report needs a reason', () => {
  const result = incidentReportSchema.safeParse({ ...shortReport, policeReport: { status: 'not_made' } });
  assert.equal(fieldErrorsOf(result.error?.issues ?? [])[0]?.path, 'policeReport.reasonNotMade');
});

test('serious events: care needed, a weapon, a threat to life, or several affected', () => {
  const base = incidentReportSchema.parse(shortReport);
  assert.equal(isSerious({ ...base, isWeaponInvolved: true }), true);
  assert.equal(isSerious({ ...base, isThreatToLife: true }), true);
  assert.equal(isSerious({ ...base, otherAffectedCount: 1 }), true);
  assert.equal(isSerious({ ...base, consequences: { ...base.consequences, injuryNeedingCare: true } }), true);
});

test('Arbetsmiljöverket: serious injury, several injured, or a serious near miss; Försäkringskassan: any injury', () => {
  const base = incidentReportSchema.parse(shortReport);
  const injured = { ...base, consequences: { ...base.consequences, physicalInjury: true } };
  assert.equal(requiresWorkEnvironmentAuthorityNotice(injured), false);
  assert.equal(requiresWorkInjuryReport(injured), true);
  assert.equal(requiresWorkEnvironmentAuthorityNotice({ ...injured, otherAffectedCount: 2 }), true);
  assert.equal(
    requiresWorkEnvironmentAuthorityNotice({
      ...injured,
      consequences: { ...injured.consequences, injuryNeedingCare: true },
    }),
    true,
  );
  const nearMiss = incidentReportSchema.parse({ ...shortReport, kind: 'near_miss', isWeaponInvolved: true });
  assert.equal(requiresWorkEnvironmentAuthorityNotice(nearMiss), true);
  assert.equal(requiresWorkInjuryReport(nearMiss), false);
});

test('the workflow moves forward step by step and reopens into investigation', () => {
  assert.equal(canMoveIncident('reported', 'acknowledged'), true);
  assert.equal(canMoveIncident('reported', 'closed'), false);
  assert.equal(canMoveIncident('closed', 'investigating'), true);
  assert.equal(canMoveIncident('closed', 'reported'), false);
});

test('personal identity numbers are found only when the date and check digit hold', () => {
  assert.deepEqual(findDirectIdentifiers('Mannen, 121212-1212, kom tillbaka.'), ['personal_identity_number']);
  assert.deepEqual(findDirectIdentifiers('pnr 191212121212'), ['personal_identity_number']);
  assert.deepEqual(findDirectIdentifiers('samordningsnummer 701063-2391'), ['personal_identity_number']);
  assert.deepEqual(findDirectIdentifiers('121212-1213 har fel kontrollsiffra'), []);
  assert.deepEqual(findDirectIdentifiers('Ärende AMN-2025-00109 och rum 1234'), []);
  assert.deepEqual(findDirectIdentifiers('ring 070-123 45 67 eller skriv till a.b@example.se').sort(), [
    'email_address',
    'phone_number',
  ]);
});

test('reports are routed by who reported and how serious they are', async () => {
  const { recipientRolesOfReport } = await import('./notifications.ts');
  assert.deepEqual(recipientRolesOfReport({ isByElectedOfficial: false, isSerious: false }), [
    'manager',
    'security_coordinator',
    'safety_representative',
  ]);
  assert.deepEqual(
    recipientRolesOfReport({ isByElectedOfficial: false, isSerious: true }).at(-1),
    'security_department',
  );
  assert.deepEqual(recipientRolesOfReport({ isByElectedOfficial: true, isSerious: true }), [
    'party_security_contact',
    'security_department',
  ]);
});

test('the acknowledgement reminder comes after two working days, skipping the weekend', async () => {
  const { acknowledgementReminderAt } = await import('./incidents.ts');
  const noDayOff = () => false;
  // Thursday 16:00 in Stockholm (15:00 UTC in winter) → Monday 16:00.
  const thursday = new Date('2026-11-26T15:00:00Z');
  assert.equal(acknowledgementReminderAt(thursday, 2, noDayOff).toISOString(), '2026-11-30T15:00:00.000Z');
  // Monday → Wednesday.
  assert.equal(
    acknowledgementReminderAt(new Date('2026-11-23T08:00:00Z'), 2, noDayOff).toISOString(),
    '2026-11-25T08:00:00.000Z',
  );
});

test('the acknowledgement reminder skips the days off it is given, and keeps the Stockholm hour over summer time', async () => {
  const { acknowledgementReminderAt } = await import('./incidents.ts');
  const noDayOff = () => false;
  // Friday 16:00 before summer time starts (29 March 2026): Tuesday 16:00 summer time, one hour less in UTC.
  assert.equal(
    acknowledgementReminderAt(new Date('2026-03-27T15:00:00Z'), 2, noDayOff).toISOString(),
    '2026-03-31T14:00:00.000Z',
  );
  // Friday 16:00 before summer time ends (25 October 2026): Tuesday 16:00 winter time.
  assert.equal(
    acknowledgementReminderAt(new Date('2026-10-23T14:00:00Z'), 2, noDayOff).toISOString(),
    '2026-10-27T15:00:00.000Z',
  );
  // The predicate is asked with Stockholm dates: 00:30 on Wednesday in Stockholm is Tuesday in UTC.
  const asked: string[] = [];
  const wednesdayOff = (date: string) => {
    asked.push(date);
    return date === '2026-11-25';
  };
  assert.equal(
    acknowledgementReminderAt(new Date('2026-11-23T23:30:00Z'), 2, wednesdayOff).toISOString(),
    '2026-11-26T23:30:00.000Z',
  );
  assert.deepEqual(asked, ['2026-11-25', '2026-11-26', '2026-11-27']);
});

test('list dates are Stockholm days, also across the change to summer time', () => {
  assert.equal(stockholmDayStart('2026-11-20').toISOString(), '2026-11-19T23:00:00.000Z');
  assert.equal(stockholmDayEnd('2026-11-20').toISOString(), '2026-11-20T23:00:00.000Z');
  assert.equal(stockholmDayStart('2026-07-01').toISOString(), '2026-06-30T22:00:00.000Z');
  // 29 March 2026 has 23 hours in Stockholm.
  assert.equal(stockholmDayStart('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal(stockholmDayEnd('2026-03-29').toISOString(), '2026-03-29T22:00:00.000Z');
  assert.equal(stockholmWallClock(new Date('2026-11-20T22:30:00.000Z')).toISOString(), '2026-11-20T23:30:00.000Z');
});
