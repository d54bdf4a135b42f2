import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  activityTemplates,
  activityTypes,
  overallRiskLevel,
  riskAnalysisCreateSchema,
  riskDecisionInputSchema,
  riskHazardInputSchema,
  riskLevelColours,
  riskLevelOf,
  riskScore,
} from './risk-analyses.ts';
import { fieldErrorsOf } from './validation.ts';

test('the score is likelihood × consequence, and only 1..5 are ratings', () => {
  assert.equal(riskScore(1, 1), 1);
  assert.equal(riskScore(3, 4), 12);
  assert.equal(riskScore(5, 5), 25);
  assert.throws(() => riskScore(0, 3), RangeError);
  assert.throws(() => riskScore(3, 6), RangeError);
  assert.throws(() => riskScore(2.5, 2), RangeError);
});

test('scores fall into four bands, each with its colour', () => {
  const bands = [1, 4, 5, 9, 10, 15, 16, 25].map((score) => [score, riskLevelOf(score)]);
  assert.deepEqual(bands, [
    [1, 'low'],
    [4, 'low'],
    [5, 'moderate'],
    [9, 'moderate'],
    [10, 'high'],
    [15, 'high'],
    [16, 'very_high'],
    [25, 'very_high'],
  ]);
  assert.deepEqual(
    ['low', 'moderate', 'high', 'very_high'].map((level) => riskLevelColours[level as 'low']),
    ['green', 'yellow', 'orange', 'red'],
  );
  assert.equal(riskLevelOf(riskScore(5, 3)), 'high', 'a catastrophic consequence that is possible is never moderate');
});

test('the analysis takes the level of its worst rated hazard; unrated hazards do not count', () => {
  assert.equal(overallRiskLevel([]), null);
  assert.equal(overallRiskLevel([{ likelihood: null, consequence: null }]), null);
  assert.equal(
    overallRiskLevel([
      { likelihood: 2, consequence: 2 },
      { likelihood: 4, consequence: 4 },
      { likelihood: null, consequence: null },
    ]),
    'very_high',
  );
});

test('every activity type has a template of hazards with measures, in Swedish and English', () => {
  for (const type of activityTypes) {
    const template = activityTemplates[type];
    assert.ok(template.length >= 3, type);
    for (const { hazard, measure } of template) {
      assert.ok(hazard.sv && hazard.en && measure.sv && measure.en, type);
    }
  }
});

test('a hazard is rated on both axes or not at all', () => {
  const halfRated = riskHazardInputSchema.safeParse({ hazard: 'Störande publik', likelihood: 3 });
  assert.equal(halfRated.success, false);
  assert.equal(fieldErrorsOf(halfRated.error?.issues ?? [])[0]?.path, 'consequence');
  assert.equal(
    riskHazardInputSchema.safeParse({ hazard: 'Störande publik', likelihood: 6, consequence: 2 }).success,
    false,
  );
  const rated = riskHazardInputSchema.parse({ hazard: 'Störande publik', likelihood: 3, consequence: 4 });
  assert.equal(rated.residualLikelihood, null);
});

test('a new analysis names its activity, time and owner; a decision is justified', () => {
  const created = riskAnalysisCreateSchema.parse({
    activityType: 'public_appearance',
    title: 'Torgmöte i Tensta',
    startsAt: '2026-12-01T15:00:00Z',
    owner: { kind: 'party', partyId: '7d1c2a52-5a8e-4b38-9a0c-2f4a4b7c9e01' },
  });
  assert.equal(created.copyFromId, null);
  assert.equal(riskAnalysisCreateSchema.safeParse({ ...created, activityType: 'picnic' }).success, false);
  assert.equal(riskDecisionInputSchema.safeParse({ decision: 'go', justification: '  ' }).success, false);
});
