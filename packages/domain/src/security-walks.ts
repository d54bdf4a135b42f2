import { z } from 'zod';
import { photoMediaTypes } from './incident-attachments.ts';
import { measureCategories } from './measures.ts';
import { freeText, idSchema, nameText } from './text.ts';
import { localized } from './validation.ts';

/**
 * How a checklist question is answered: `check` is ok / deviation / not applicable (a deviation
 * can become a measure), `number` a count or measure (doors without locks), `text` a description.
 */
export const checklistAnswerTypes = ['check', 'number', 'text'] as const;
export type ChecklistAnswerType = (typeof checklistAnswerTypes)[number];

export const checkResults = ['ok', 'deviation', 'not_applicable'] as const;
export type CheckResult = (typeof checkResults)[number];

/** Who took part in a walk, in which role; outside people (the landlord) are named, not linked. */
export const walkParticipantRoles = [
  'manager',
  'safety_representative',
  'security_coordinator',
  'employee',
  'property_owner',
  'other',
] as const;
export type WalkParticipantRole = (typeof walkParticipantRoles)[number];

export const securityWalkStatuses = ['in_progress', 'finished'] as const;
export type SecurityWalkStatus = (typeof securityWalkStatuses)[number];

// Keys identify a question across a template's versions, so a walk's answers stay bound to them.
const keySchema = z
  .string()
  .regex(/^[a-z0-9_]{1,60}$/, localized('Lower-case letters, digits and _ only', 'Endast gemener, siffror och _'));

export const checklistQuestionSchema = z.strictObject({
  key: keySchema,
  text: nameText(300),
  guidance: freeText(1000).default(''),
  answerType: z.enum(checklistAnswerTypes),
});
export type ChecklistQuestion = z.infer<typeof checklistQuestionSchema>;

export const checklistSectionSchema = z.strictObject({
  key: keySchema,
  title: nameText(200),
  questions: z.array(checklistQuestionSchema).min(1).max(60),
});
export type ChecklistSection = z.infer<typeof checklistSectionSchema>;

/** A template's content; saving it again makes a new version, walks keep the version they used. */
export const checklistTemplateInputSchema = z
  .strictObject({
    name: nameText(200),
    description: freeText(2000).default(''),
    sections: z.array(checklistSectionSchema).min(1).max(30),
  })
  .superRefine((template, context) => {
    const seen = new Set<string>();
    template.sections.forEach((section, sectionIndex) => {
      section.questions.forEach((question, questionIndex) => {
        if (seen.has(question.key)) {
          context.addIssue({
            code: 'custom',
            path: ['sections', sectionIndex, 'questions', questionIndex, 'key'],
            ...localized('The key is used twice', 'Nyckeln används två gånger'),
          });
        }
        seen.add(question.key);
      });
    });
  });
export type ChecklistTemplateInput = z.infer<typeof checklistTemplateInputSchema>;
export type ChecklistTemplateInputValues = z.input<typeof checklistTemplateInputSchema>;

export const checklistTemplateSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const checklistTemplateListSchema = z.object({ items: z.array(checklistTemplateSummarySchema) });

export const checklistTemplateSchema = z.object({
  id: idSchema,
  versionId: idSchema,
  version: z.number().int(),
  name: z.string(),
  description: z.string(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      questions: z.array(
        z.object({ key: z.string(), text: z.string(), guidance: z.string(), answerType: z.enum(checklistAnswerTypes) }),
      ),
    }),
  ),
  createdAt: z.string(),
});
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;

export const walkParticipantSchema = z.strictObject({
  name: nameText(200),
  role: z.enum(walkParticipantRoles),
});
export type WalkParticipant = z.infer<typeof walkParticipantSchema>;

/** Starting a walk: the site, the template (its current version is kept), the date and who took part. */
export const securityWalkInputSchema = z.strictObject({
  siteId: idSchema,
  templateId: idSchema,
  walkedOn: z.iso.date(),
  participants: z.array(walkParticipantSchema).min(1).max(30),
});
export type SecurityWalkInput = z.infer<typeof securityWalkInputSchema>;
export type SecurityWalkInputValues = z.input<typeof securityWalkInputSchema>;

/**
 * One answer. A `check` question takes `result`, a `number` question `number`, a `text` question its
 * `note`; the server checks the kind against the walk's template version. A deviation needs a note
 * saying what is wrong: it becomes the measure's description.
 */
export const walkAnswerSchema = z
  .strictObject({
    questionKey: keySchema,
    result: z.enum(checkResults).nullable().default(null),
    number: z.number().finite().min(0).max(1_000_000).nullable().default(null),
    note: freeText(2000).default(''),
  })
  .superRefine((answer, context) => {
    if (answer.result === 'deviation' && answer.note.trim() === '') {
      context.addIssue({
        code: 'custom',
        path: ['note'],
        ...localized('Describe the deviation', 'Beskriv avvikelsen'),
      });
    }
  });
export type WalkAnswer = z.infer<typeof walkAnswerSchema>;
export type WalkAnswerValues = z.input<typeof walkAnswerSchema>;

export const walkAnswersInputSchema = z.strictObject({ answers: z.array(walkAnswerSchema).min(1).max(500) });
export type WalkAnswersInput = z.infer<typeof walkAnswersInputSchema>;

export const finishWalkInputSchema = z.strictObject({ summary: freeText(5000).pipe(z.string().trim().min(1)) });
export type FinishWalkInput = z.infer<typeof finishWalkInputSchema>;

/** Turning a deviation into a measure: owner and due date; title and description are prefilled. */
export const deviationMeasureInputSchema = z.strictObject({
  ownerPersonId: idSchema,
  category: z.enum(measureCategories).default('routine'),
  dueOn: z.iso.date(),
  title: nameText(200).optional(),
  description: freeText(2000).optional(),
});
export type DeviationMeasureInput = z.infer<typeof deviationMeasureInputSchema>;

export const walkAnswerStateSchema = z.object({
  questionKey: z.string(),
  result: z.enum(checkResults).nullable(),
  number: z.number().nullable(),
  note: z.string(),
  measureId: idSchema.nullable(),
});
export type WalkAnswerState = z.infer<typeof walkAnswerStateSchema>;

/** A walk's photos are pictures of the site: images only, no PDFs. */
export const walkPhotoMediaTypes = photoMediaTypes;
export const walkPhotoAccept = [...walkPhotoMediaTypes, '.heic', '.heif'].join(',');

/** The one photo of an answer; its content is fetched separately, and that read is audited. */
export const walkPhotoSchema = z.object({
  id: idSchema,
  questionKey: z.string(),
  fileName: z.string(),
  mediaType: z.enum(walkPhotoMediaTypes),
  byteSize: z.number().int(),
  uploadedAt: z.string(),
});
export type WalkPhoto = z.infer<typeof walkPhotoSchema>;

export const securityWalkSummarySchema = z.object({
  id: idSchema,
  siteId: idSchema,
  siteName: z.string(),
  walkedOn: z.string(),
  status: z.enum(securityWalkStatuses),
  deviationCount: z.number().int(),
});
export type SecurityWalkSummary = z.infer<typeof securityWalkSummarySchema>;

export const securityWalkSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  siteName: z.string(),
  unitId: idSchema,
  walkedOn: z.string(),
  status: z.enum(securityWalkStatuses),
  participants: z.array(z.object({ name: z.string(), role: z.enum(walkParticipantRoles) })),
  template: checklistTemplateSchema,
  answers: z.array(walkAnswerStateSchema),
  photos: z.array(walkPhotoSchema),
  summary: z.string(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SecurityWalk = z.infer<typeof securityWalkSchema>;

export const openDeviationSchema = z.object({
  walkId: idSchema,
  walkedOn: z.string(),
  questionKey: z.string(),
  questionText: z.string(),
  note: z.string(),
  measureId: idSchema.nullable(),
  measureStatus: z.string().nullable(),
});
export type OpenDeviation = z.infer<typeof openDeviationSchema>;

/** A site's walks: the last one, its earlier ones, and deviations not yet resolved by a measure. */
export const siteSecurityWalksSchema = z.object({
  lastWalk: securityWalkSummarySchema.nullable(),
  walks: z.array(securityWalkSummarySchema),
  openDeviations: z.array(openDeviationSchema),
});
export type SiteSecurityWalks = z.infer<typeof siteSecurityWalksSchema>;

/** Which sites of an administration were walked in the last 12 months. */
export const walkCoverageSchema = z.object({
  items: z.array(
    z.object({
      siteId: idSchema,
      siteName: z.string(),
      unitId: idSchema,
      lastWalkedOn: z.string().nullable(),
      isWalkedWithinYear: z.boolean(),
    }),
  ),
});
export type WalkCoverage = z.infer<typeof walkCoverageSchema>;

export const walkQuestionParamsSchema = z.strictObject({ id: idSchema, questionKey: keySchema });

/** Every question of a template, in order. */
export function questionsOf(template: Pick<ChecklistTemplate, 'sections'>): ChecklistQuestion[] {
  return template.sections.flatMap((section) => section.questions);
}

/** True when the date (YYYY-MM-DD) lies within twelve months before `today` (also YYYY-MM-DD). */
export function isWithinYear(walkedOn: string, today: string): boolean {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const yearAgo = `${String(year - 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return walkedOn > yearAgo && walkedOn <= today;
}

/** Why an answer does not fit its question's type, or null when it does. */
export function answerMismatch(question: ChecklistQuestion, answer: WalkAnswer): string | null {
  if (question.answerType === 'check') return answer.number === null ? null : 'number';
  if (question.answerType === 'number') return answer.result === null ? null : 'result';
  return answer.result !== null ? 'result' : answer.number !== null ? 'number' : null;
}

/** The measure a deviation suggests: the question as title, the walk's note as description. */
export function deviationMeasureDraft(
  question: Pick<ChecklistQuestion, 'text'>,
  siteName: string,
  note: string,
): { title: string; description: string } {
  const title = `${siteName}: ${question.text}`;
  return {
    title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
    description: `Avvikelse vid skyddsrond: ${note}`.slice(0, 2000),
  };
}
