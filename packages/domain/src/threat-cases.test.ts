import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assessmentFactors,
  consultationInputSchema,
  type FactorRating,
  preIntakeAssessmentInputSchema,
  suggestLevel,
  threatAssessmentInputSchema,
  threatAssessmentTemplate,
  threatCaseInputSchema,
} from './threat-cases.ts';
import { fieldErrorsOf } from './validation.ts';

/** Every factor rated `rating`, except those named in `overrides`. */
function ratingsWith(rating: FactorRating, overrides: Record<string, FactorRating> = {}) {
  return assessmentFactors.map((factor) => ({ factorId: factor.id, rating: overrides[factor.id] ?? rating, note: '' }));
}

test('the template covers the nine groups of the issue, each factor with Swedish and English text', () => {
  assert.equal(threatAssessmentTemplate.groups.length, 9);
  assert.equal(new Set(assessmentFactors.map((factor) => factor.id)).size, assessmentFactors.length);
  for (const factor of assessmentFactors) assert.ok(factor.sv && factor.en, factor.id);
});

test('nothing present suggests low; unknowns are counted, not scored', () => {
  assert.deepEqual(suggestLevel(ratingsWith('not_present')), {
    level: 'low',
    score: 0,
    criticalFactorIds: [],
    unknownCount: 0,
  });
  const uncertain = suggestLevel(ratingsWith('unknown'));
  assert.equal(uncertain.level, 'low');
  assert.equal(uncertain.unknownCount, assessmentFactors.length);
});

test('risk factors add up to moderate and high; protective factors take away', () => {
  const moderate = suggestLevel(ratingsWith('not_present', { grievance: 'present', fixation: 'present' }));
  assert.equal(moderate.level, 'moderate');
  assert.equal(moderate.score, 4);
  const shielded = suggestLevel(
    ratingsWith('not_present', { grievance: 'present', fixation: 'present', external_control: 'present' }),
  );
  assert.equal(shielded.level, 'low');
  const many = Object.fromEntries(
    ['grievance', 'fixation', 'prior_violence', 'recent_loss', 'surveillance'].map((id) => [id, 'present' as const]),
  );
  assert.equal(suggestLevel(ratingsWith('not_present', many)).level, 'high');
});

test('one critical factor suggests high, two acute, whatever the protective factors say', () => {
  const protectiveAll = {
    stable_support: 'present',
    engaged_with_help: 'present',
    external_control: 'present',
  } as const;
  const one = suggestLevel(ratingsWith('not_present', { weapon_access: 'present', ...protectiveAll }));
  assert.equal(one.level, 'high');
  assert.deepEqual(one.criticalFactorIds, ['weapon_access']);
  const two = suggestLevel(ratingsWith('not_present', { threat_specific: 'present', approach_home: 'present' }));
  assert.equal(two.level, 'acute');
  assert.equal(suggestLevel(ratingsWith('not_present', { weapon_access: 'partly' })).level, 'low');
});

const assessment = () => ({
  templateVersion: 1,
  ratings: ratingsWith('not_present'),
  level: 'moderate',
  justification: 'Upprepade hot men ingen konkret plan.',
});

test('an assessment rates every factor once, and the assessor must justify the level', () => {
  assert.ok(threatAssessmentInputSchema.safeParse(assessment()).success);
  const missing = threatAssessmentInputSchema.safeParse({ ...assessment(), ratings: ratingsWith('present').slice(1) });
  assert.equal(fieldErrorsOf(missing.error?.issues ?? [])[0]?.path, 'ratings');
  const twice = threatAssessmentInputSchema.safeParse({
    ...assessment(),
    ratings: [...ratingsWith('present').slice(1), { factorId: 'fixation', rating: 'present' }],
  });
  assert.equal(twice.success, false);
  const invented = threatAssessmentInputSchema.safeParse({
    ...assessment(),
    ratings: [...ratingsWith('present').slice(1), { factorId: 'star_sign', rating: 'present' }],
  });
  assert.match(fieldErrorsOf(invented.error?.issues ?? [])[0]?.message.sv ?? '', /Okänd riskfaktor/);
  const badRating = threatAssessmentInputSchema.safeParse({
    ...assessment(),
    ratings: ratingsWith('not_present', { fixation: 'very' as FactorRating }),
  });
  assert.equal(badRating.success, false);
  const unjustified = threatAssessmentInputSchema.safeParse({ ...assessment(), justification: '  ' });
  assert.equal(fieldErrorsOf(unjustified.error?.issues ?? [])[0]?.path, 'justification');
  const pastReview = threatAssessmentInputSchema.safeParse({ ...assessment(), nextReviewOn: '2020-01-01' });
  assert.equal(fieldErrorsOf(pastReview.error?.issues ?? [])[0]?.path, 'nextReviewOn');
});

test('a case names what it protects', () => {
  const base = { title: 'Hot mot handläggare', unitId: crypto.randomUUID() };
  assert.equal(
    fieldErrorsOf(threatCaseInputSchema.safeParse({ ...base, protects: 'persons' }).error?.issues ?? [])[0]?.path,
    'protectedPersons',
  );
  assert.equal(
    fieldErrorsOf(threatCaseInputSchema.safeParse({ ...base, protects: 'site' }).error?.issues ?? [])[0]?.path,
    'siteId',
  );
  assert.ok(threatCaseInputSchema.safeParse({ ...base, protects: 'unit' }).success);
  assert.ok(
    threatCaseInputSchema.safeParse({ ...base, protects: 'persons', protectedPersons: [{ name: 'Anna Andersson' }] })
      .success,
  );
});

test('a consultation is dated, not in the future, and has an outcome', () => {
  assert.ok(
    consultationInputSchema.safeParse({ party: 'bops', consultedOn: '2026-01-10', outcome: 'Råd om möten' }).success,
  );
  assert.equal(
    consultationInputSchema.safeParse({ party: 'bops', consultedOn: '2999-01-10', outcome: 'x' }).success,
    false,
  );
  assert.equal(
    consultationInputSchema.safeParse({ party: 'bops', consultedOn: '2026-01-10', outcome: '' }).success,
    false,
  );
});

test('a pre-intake decision with arrangements must describe them', () => {
  const result = preIntakeAssessmentInputSchema.safeParse({ decision: 'take_in_with_arrangements' });
  assert.equal(fieldErrorsOf(result.error?.issues ?? [])[0]?.path, 'safetyArrangements');
  assert.ok(preIntakeAssessmentInputSchema.safeParse({ decision: 'decline' }).success);
});

test('missing ratings are reported even when the level is missing too, so a form shows both', () => {
  const result = threatAssessmentInputSchema.safeParse({ templateVersion: 1, ratings: [], justification: '' });
  const paths = fieldErrorsOf(result.error?.issues ?? []).map((error) => error.path);
  assert.ok(paths.includes('ratings'), paths.join());
  assert.ok(paths.includes('level'), paths.join());
});
