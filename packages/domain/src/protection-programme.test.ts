import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths } from './calendar.ts';
import { isDrillOverdue } from './drills.ts';
import { nextConversationDueOn, programmeTrainingOf } from './protection-programme.ts';

test('months are added by the calendar, ending on the last day of a shorter month', () => {
  assert.equal(addMonths('2026-01-15', 12), '2027-01-15');
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2028-02-29', 12), '2029-02-28');
  assert.equal(addMonths('2026-03-10', -12), '2025-03-10');
});

test('the next conversation is due 12 months after the last held one, at enrolment before any, sooner when set', () => {
  assert.equal(nextConversationDueOn({ enrolledOn: '2026-02-01', lastHeldOn: null, neededBy: null }), '2026-02-01');
  assert.equal(
    nextConversationDueOn({ enrolledOn: '2026-02-01', lastHeldOn: '2026-03-05', neededBy: null }),
    '2027-03-05',
  );
  assert.equal(
    nextConversationDueOn({ enrolledOn: '2026-02-01', lastHeldOn: '2026-03-05', neededBy: '2026-06-01' }),
    '2026-06-01',
  );
  assert.equal(
    nextConversationDueOn({ enrolledOn: '2026-02-01', lastHeldOn: '2026-03-05', neededBy: '2027-06-01' }),
    '2027-03-05',
    'a later "needed by" does not postpone the yearly conversation',
  );
});

test('a drill is overdue when none was held within the interval, or never', () => {
  assert.equal(isDrillOverdue(null, 12, '2026-11-23'), true);
  assert.equal(isDrillOverdue('2025-11-23', 12, '2026-11-23'), false);
  assert.equal(isDrillOverdue('2025-11-22', 12, '2026-11-23'), true);
  assert.equal(isDrillOverdue('2026-06-01', 6, '2026-11-23'), false);
});

test('the programme training: a completion decides while valid; a typed date only without completions', () => {
  const today = '2026-11-23';
  assert.deepEqual(
    programmeTrainingOf({ completedOn: '2025-01-10', validUntil: '2027-01-09', typedOn: '2024-05-01' }, today),
    {
      trainingCompletedOn: '2025-01-10',
      trainingValidUntil: '2027-01-09',
      trainingSource: 'completion',
      isTrained: true,
    },
  );
  assert.equal(
    programmeTrainingOf({ completedOn: '2023-01-10', validUntil: '2025-01-09', typedOn: '2024-05-01' }, today)
      .isTrained,
    false,
    'an expired completion outweighs an older typed date',
  );
  assert.equal(
    programmeTrainingOf({ completedOn: '2020-01-10', validUntil: null, typedOn: null }, today).isTrained,
    true,
  );
  assert.deepEqual(programmeTrainingOf({ completedOn: null, validUntil: null, typedOn: '2024-05-01' }, today), {
    trainingCompletedOn: '2024-05-01',
    trainingValidUntil: null,
    trainingSource: 'typed',
    isTrained: true,
  });
  assert.equal(programmeTrainingOf({ completedOn: null, validUntil: null, typedOn: null }, today).isTrained, false);
});
