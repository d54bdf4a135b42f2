import assert from 'node:assert/strict';
import { test } from 'node:test';
import { incidentCorrectionSchema, incidentNoticeSchema, investigationUpdateSchema } from './incident-investigation.ts';
import { measureInputSchema } from './measures.ts';
import { fieldErrorsOf } from './validation.ts';

const pathsOf = (result: { success: boolean; error?: { issues: Parameters<typeof fieldErrorsOf>[0] } }) =>
  result.success ? [] : fieldErrorsOf(result.error?.issues ?? []).map((error) => error.path);

test('an investigation save names at least one field; empty texts are allowed (clearing a field)', () => {
  assert.deepEqual(pathsOf(investigationUpdateSchema.safeParse({})), ['causes']);
  assert.equal(investigationUpdateSchema.safeParse({ lessonsLearned: '' }).success, true);
  assert.equal(investigationUpdateSchema.safeParse({ cause: 'x' }).success, false, 'unknown fields are refused');
});

test('a correction names a field of the report and says what is right', () => {
  assert.equal(incidentCorrectionSchema.safeParse({ field: 'description', text: 'Det var i entrén.' }).success, true);
  assert.deepEqual(pathsOf(incidentCorrectionSchema.safeParse({ field: 'personOfConcern', text: 'x' })), ['field']);
  assert.deepEqual(pathsOf(incidentCorrectionSchema.safeParse({ field: 'place', text: ' \n ' })), ['text']);
});

test('a notice is dated, never in the future; the reference is optional', () => {
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual(incidentNoticeSchema.parse({ kind: 'authority_notice', doneOn: today }).reference, null);
  assert.deepEqual(pathsOf(incidentNoticeSchema.safeParse({ kind: 'work_injury_report', doneOn: '2999-01-01' })), [
    'doneOn',
  ]);
});

test('a measure needs a title, an owner and a due date', () => {
  assert.deepEqual(pathsOf(measureInputSchema.safeParse({ title: 'Larm i receptionen' })).sort(), [
    'dueOn',
    'ownerPersonId',
  ]);
});
