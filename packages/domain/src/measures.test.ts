import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  actionPlanStageOf,
  isMeasureOverdue,
  measureReminderAt,
  measureStatusChangeSchema,
  sourcelessMeasureInputSchema,
  todayInStockholm,
} from './measures.ts';

test('postponing needs a reason and a new date; cancelling a reason; other statuses neither', () => {
  const paths = (body: unknown) =>
    measureStatusChangeSchema.safeParse(body).error?.issues.map((issue) => issue.path.join('.')) ?? [];
  assert.deepEqual(paths({ status: 'postponed' }), ['reason', 'newDueOn']);
  assert.deepEqual(paths({ status: 'postponed', reason: '   ', newDueOn: '2027-01-01' }), ['reason']);
  assert.deepEqual(paths({ status: 'cancelled' }), ['reason']);
  assert.deepEqual(paths({ status: 'postponed', reason: 'Leverantören', newDueOn: '2027-01-01' }), []);
  assert.deepEqual(paths({ status: 'done' }), []);
});

test('a board assignment names its decision', () => {
  const base = {
    title: 'Sammanställning till nämnden',
    ownerPersonId: crypto.randomUUID(),
    orgUnitId: crypto.randomUUID(),
    dueOn: '2027-04-30',
  };
  assert.equal(sourcelessMeasureInputSchema.safeParse({ ...base, sourceKind: 'board_assignment' }).success, false);
  assert.equal(
    sourcelessMeasureInputSchema.safeParse({ ...base, sourceKind: 'board_assignment', sourceReference: 'AMN § 45' })
      .success,
    true,
  );
  assert.equal(sourcelessMeasureInputSchema.parse(base).sourceKind, 'standalone');
});

test('overdue: due before today in Stockholm and neither done nor cancelled', () => {
  assert.equal(isMeasureOverdue('2026-11-22', 'planned', '2026-11-23'), true);
  assert.equal(isMeasureOverdue('2026-11-22', 'postponed', '2026-11-23'), true);
  assert.equal(isMeasureOverdue('2026-11-23', 'planned', '2026-11-23'), false, 'due today is not overdue');
  assert.equal(isMeasureOverdue('2026-11-22', 'done', '2026-11-23'), false);
  assert.equal(isMeasureOverdue('2026-11-22', 'cancelled', '2026-11-23'), false);
  // 23:30 UTC on 23 November is already 24 November in Stockholm.
  assert.equal(todayInStockholm(new Date('2026-11-23T23:30:00Z')), '2026-11-24');
});

test('reminders fire at 08:00 Stockholm time; the plan groups statuses into three stages', () => {
  assert.equal(measureReminderAt('2026-12-01', 1).toISOString(), '2026-12-02T07:00:00.000Z');
  assert.equal(measureReminderAt('2026-07-10', -7).toISOString(), '2026-07-03T06:00:00.000Z');
  assert.equal(actionPlanStageOf('in_progress'), 'under_way');
  assert.equal(actionPlanStageOf('postponed'), 'under_way');
  assert.equal(actionPlanStageOf('cancelled'), null);
});
