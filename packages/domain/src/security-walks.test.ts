import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultChecklistTemplates, municipalOfficeTemplate } from './security-walk-templates.ts';
import {
  answerMismatch,
  checklistTemplateInputSchema,
  deviationMeasureDraft,
  finishWalkInputSchema,
  isWithinYear,
  questionsOf,
  securityWalkInputSchema,
  walkAnswerSchema,
} from './security-walks.ts';

test('the default templates are valid, with unique question keys and every answer type', () => {
  for (const template of defaultChecklistTemplates) {
    const parsed = checklistTemplateInputSchema.parse(template);
    const keys = questionsOf(parsed).map((question) => question.key);
    assert.equal(new Set(keys).size, keys.length, template.name);
    assert.ok(keys.length >= 15, template.name);
    const types = new Set(questionsOf(parsed).map((question) => question.answerType));
    assert.deepEqual([...types].sort(), ['check', 'number', 'text'], template.name);
  }
});

test('a template with a question key used twice is refused at that question', () => {
  const sections = municipalOfficeTemplate.sections.slice(0, 1);
  const [first] = sections[0]?.questions ?? [];
  const repeated = {
    ...municipalOfficeTemplate,
    sections: [...sections, { key: 'more', title: 'Mer', questions: [first] }],
  };
  const result = checklistTemplateInputSchema.safeParse(repeated);
  assert.equal(result.success, false);
  assert.deepEqual(result.error?.issues[0]?.path, ['sections', 1, 'questions', 0, 'key']);
});

test('a deviation needs a note; ok and not applicable do not', () => {
  assert.equal(walkAnswerSchema.safeParse({ questionKey: 'rooms_lockable', result: 'ok' }).success, true);
  assert.equal(walkAnswerSchema.safeParse({ questionKey: 'rooms_lockable', result: 'not_applicable' }).success, true);
  const bare = walkAnswerSchema.safeParse({ questionKey: 'rooms_lockable', result: 'deviation', note: '  ' });
  assert.deepEqual(bare.error?.issues[0]?.path, ['note']);
  assert.equal(
    walkAnswerSchema.safeParse({ questionKey: 'rooms_lockable', result: 'deviation', note: 'Vilrummet saknar lås' })
      .success,
    true,
  );
});

test('an answer must fit its question type', () => {
  const question = (answerType: 'check' | 'number' | 'text') => ({ key: 'q', text: 'Fråga', guidance: '', answerType });
  const answer = (values: object) => walkAnswerSchema.parse({ questionKey: 'q', ...values });
  assert.equal(answerMismatch(question('check'), answer({ result: 'ok' })), null);
  assert.equal(answerMismatch(question('check'), answer({ number: 3 })), 'number');
  assert.equal(answerMismatch(question('number'), answer({ number: 3 })), null);
  assert.equal(answerMismatch(question('number'), answer({ result: 'ok' })), 'result');
  assert.equal(answerMismatch(question('text'), answer({ note: 'Bra' })), null);
  assert.equal(answerMismatch(question('text'), answer({ number: 1 })), 'number');
});

test('a walk needs a site, a template, a date and at least one participant with a role', () => {
  const walk = {
    siteId: '7b0e3a3e-1b9e-4a43-9d3f-3f0cda7fd6d1',
    templateId: '1c8f1f0c-2f0b-4d8e-9a55-9d8f7c3a1e22',
    walkedOn: '2026-11-23',
    participants: [{ name: 'Sara Berg', role: 'safety_representative' }],
  };
  assert.equal(securityWalkInputSchema.safeParse(walk).success, true);
  assert.equal(securityWalkInputSchema.safeParse({ ...walk, participants: [] }).success, false);
  assert.equal(
    securityWalkInputSchema.safeParse({ ...walk, participants: [{ name: 'X', role: 'janitor' }] }).success,
    false,
  );
  assert.equal(securityWalkInputSchema.safeParse({ ...walk, walkedOn: '23/11/2026' }).success, false);
  assert.equal(finishWalkInputSchema.safeParse({ summary: '   ' }).success, false);
});

test('walked within a year means the last twelve months up to today', () => {
  assert.equal(isWithinYear('2026-11-23', '2026-11-23'), true);
  assert.equal(isWithinYear('2025-11-24', '2026-11-23'), true);
  assert.equal(isWithinYear('2025-11-23', '2026-11-23'), false);
  assert.equal(isWithinYear('2026-11-24', '2026-11-23'), false);
});

test('a deviation suggests a measure named after the site and the question', () => {
  const draft = deviationMeasureDraft({ text: 'Rum går att låsa inifrån' }, 'Jobbtorg Järva', 'Vilrummet saknar lås');
  assert.equal(draft.title, 'Jobbtorg Järva: Rum går att låsa inifrån');
  assert.equal(draft.description, 'Avvikelse vid skyddsrond: Vilrummet saknar lås');
  assert.equal(deviationMeasureDraft({ text: 'x'.repeat(300) }, 'S', 'n').title.length, 200);
});
