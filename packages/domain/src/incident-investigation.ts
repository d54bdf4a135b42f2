import { z } from 'zod';
import { freeText, nameText } from './text.ts';
import { localized } from './validation.ts';

/** What the timeline of an incident records; appended, never changed. */
export const incidentEventKinds = [
  'reported',
  'status_changed',
  'comment',
  'investigation_updated',
  'correction',
  'measure_added',
  'measure_status_changed',
  'authority_notified',
  'work_injury_reported',
  /** An attachment was removed; the text is its file name, so the removal stays visible. */
  'attachment_removed',
] as const;
export type IncidentEventKind = (typeof incidentEventKinds)[number];

/** The handler's investigation: causes, what happened next (course of events after), lessons learned. */
export const investigationFields = ['causes', 'courseAfter', 'lessonsLearned'] as const;
export type InvestigationField = (typeof investigationFields)[number];

export const investigationUpdateSchema = z
  .strictObject({
    causes: freeText(5000).optional(),
    courseAfter: freeText(5000).optional(),
    lessonsLearned: freeText(5000).optional(),
  })
  .refine((update) => Object.keys(update).length > 0, {
    path: ['causes'],
    ...localized('Fill in at least one field', 'Fyll i minst ett fält'),
  });
export type InvestigationUpdate = z.infer<typeof investigationUpdateSchema>;

const nonBlank = (max: number, en: string, sv: string) =>
  freeText(max).refine((text) => text.trim().length > 0, localized(en, sv));

export const incidentCommentSchema = z.strictObject({
  text: nonBlank(2000, 'Write a comment', 'Skriv en kommentar'),
});

/** The parts of the original report a correction can name; the original itself is never changed. */
export const correctableFields = [
  'kind',
  'types',
  'occurredAt',
  'place',
  'context',
  'channel',
  'description',
  'consequences',
  'affected',
  'policeReport',
  'crisisSupport',
] as const;
export type CorrectableField = (typeof correctableFields)[number];

export const incidentCorrectionSchema = z.strictObject({
  field: z.enum(correctableFields),
  text: nonBlank(2000, 'Write the correction', 'Skriv rättelsen'),
});

/**
 * The two notices an incident may call for: to Arbetsmiljöverket (AML 3 kap. 3 a §) and the
 * work-injury report to Försäkringskassan.
 */
export const incidentNoticeKinds = ['authority_notice', 'work_injury_report'] as const;
export type IncidentNoticeKind = (typeof incidentNoticeKinds)[number];

export const incidentNoticeSchema = z
  .strictObject({
    kind: z.enum(incidentNoticeKinds),
    doneOn: z.iso.date(),
    reference: nameText(60).nullable().default(null),
  })
  .superRefine((notice, context) => {
    // A date string compares as a date; a day's margin covers the time zones of the world.
    if (notice.doneOn > new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)) {
      context.addIssue({
        code: 'custom',
        path: ['doneOn'],
        ...localized('The date cannot be in the future', 'Datumet kan inte ligga i framtiden'),
      });
    }
  });
export type IncidentNotice = z.infer<typeof incidentNoticeSchema>;

const noticeDoneSchema = z.object({
  doneOn: z.string(),
  byName: z.string().nullable(),
  reference: z.string().nullable(),
});

/** What an incident's response adds for the follow-up: investigation, corrections and notices. */
export const incidentFollowUpShape = {
  investigation: z.object({
    causes: z.string(),
    courseAfter: z.string(),
    lessonsLearned: z.string(),
  }),
  corrections: z.array(
    z.object({
      field: z.enum(correctableFields),
      text: z.string(),
      createdAt: z.string(),
      authorName: z.string().nullable(),
    }),
  ),
  authorityNotice: noticeDoneSchema.nullable(),
  workInjuryReport: noticeDoneSchema.nullable(),
};

/** What the printable summary needs beyond the incident: employer and workplace. */
export const incidentSummarySheetSchema = z.object({
  employerName: z.string(),
  unitName: z.string().nullable(),
  site: z.object({ name: z.string(), streetAddress: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
});
export type IncidentSummarySheet = z.infer<typeof incidentSummarySheetSchema>;
