import { z } from 'zod';
import { addDays, stockholmMorning } from './calendar.ts';
import { attachmentMediaTypes } from './incident-attachments.ts';
import { pageQuerySchema } from './pagination.ts';
import { freeText, idSchema, nameText } from './text.ts';
import { localized } from './validation.ts';

/**
 * What a measure (åtgärd) was decided for: one model for every source. A standalone measure has no
 * source record; a board assignment names the board's decision in `sourceReference`. The database
 * check constraint lists the same values.
 */
export const measureSourceKinds = [
  'incident',
  'threat_case',
  'risk_analysis',
  'security_walk',
  'drill',
  'board_assignment',
  'standalone',
] as const;
export type MeasureSourceKind = (typeof measureSourceKinds)[number];

/** Sources without a record of their own in Värn: the measure is created on its own. */
export const sourcelessMeasureKinds = ['standalone', 'board_assignment'] as const;

/**
 * What kind of measure: the action plan groups by these. Technical measures are split by what is
 * installed (alarm, safety app, camera, lock, access control); organisational ones are a role or
 * staffing.
 */
export const measureCategories = [
  'training',
  'perimeter_protection',
  'routine',
  'alarm',
  'safety_app',
  'camera',
  'lock',
  'access_control',
  'role_staffing',
  'information',
] as const;
export type MeasureCategory = (typeof measureCategories)[number];

export const measureStatuses = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/** Statuses in which a measure is finished: never overdue, never reminded. */
export const closedMeasureStatuses = ['done', 'cancelled'] as const satisfies readonly MeasureStatus[];

/** Statuses that need a reason (and, for postponing, a new date): set on the measure's own page. */
export const measureStatusesNeedingReason = ['postponed', 'cancelled'] as const satisfies readonly MeasureStatus[];
export function statusNeedsReason(status: MeasureStatus): boolean {
  return (measureStatusesNeedingReason as readonly string[]).includes(status);
}

/** The three groups of the action plan: done, under way (in progress or postponed), planned. */
export const actionPlanStages = ['done', 'under_way', 'planned'] as const;
export type ActionPlanStage = (typeof actionPlanStages)[number];
export function actionPlanStageOf(status: MeasureStatus): ActionPlanStage | null {
  if (status === 'done') return 'done';
  if (status === 'in_progress' || status === 'postponed') return 'under_way';
  if (status === 'planned') return 'planned';
  return null;
}

/** Costs are whole öre (1/100 SEK) as integers: exact sums, no floating point. */
const costOre = z.number().int().min(0).max(100_000_000_000).nullable();

/** A new measure: every measure has an owner (a person in the tenant) and a due date. */
export const measureInputSchema = z.strictObject({
  title: nameText(200),
  description: freeText(2000).default(''),
  category: z.enum(measureCategories).default('routine'),
  ownerPersonId: idSchema,
  /** The responsible unit; the source's own unit when left out. */
  orgUnitId: idSchema.nullable().default(null),
  /** The site (address) the measure concerns, for the site's action plan. */
  siteId: idSchema.nullable().default(null),
  dueOn: z.iso.date(),
  estimatedCostOre: costOre.default(null),
});
export type MeasureInput = z.infer<typeof measureInputSchema>;
export type MeasureInputValues = z.input<typeof measureInputSchema>;

/** A measure without a source record: standalone, or a board assignment naming its decision. */
export const sourcelessMeasureInputSchema = measureInputSchema
  .extend({
    sourceKind: z.enum(sourcelessMeasureKinds).default('standalone'),
    /** The board's decision, e.g. "AMN 2026-05-12 § 45"; required for a board assignment. */
    sourceReference: freeText(200).default(''),
    orgUnitId: idSchema,
  })
  .superRefine((input, context) => {
    if (input.sourceKind === 'board_assignment' && !input.sourceReference.trim()) {
      context.addIssue({
        code: 'custom',
        path: ['sourceReference'],
        ...localized('Name the board decision', 'Ange nämndens beslut'),
      });
    }
  });
export type SourcelessMeasureInput = z.infer<typeof sourcelessMeasureInputSchema>;
export type SourcelessMeasureInputValues = z.input<typeof sourcelessMeasureInputSchema>;

const statusChangeFields = {
  status: z.enum(measureStatuses),
  /** Why: required when postponing or cancelling. */
  reason: freeText(1000).default(''),
  /** The new due date: required when postponing. */
  newDueOn: z.iso.date().nullable().default(null),
  /** Evidence of completion, when done. */
  completionNote: freeText(2000).default(''),
  actualCostOre: costOre.default(null),
};

type StatusChangeShape = { status: MeasureStatus; reason: string; newDueOn: string | null };
function requireReasons(change: StatusChangeShape, context: z.RefinementCtx): void {
  if (statusNeedsReason(change.status) && !change.reason.trim()) {
    context.addIssue({
      code: 'custom',
      path: ['reason'],
      ...(change.status === 'postponed'
        ? localized('Say why the measure is postponed', 'Ange varför åtgärden skjuts upp')
        : localized('Say why the measure is cancelled', 'Ange varför åtgärden avbryts')),
    });
  }
  if (change.status === 'postponed' && !change.newDueOn) {
    context.addIssue({
      code: 'custom',
      path: ['newDueOn'],
      ...localized('A postponed measure needs a new date', 'En uppskjuten åtgärd behöver ett nytt datum'),
    });
  }
}

export const measureStatusChangeSchema = z.strictObject(statusChangeFields).superRefine(requireReasons);
export type MeasureStatusChange = z.infer<typeof measureStatusChangeSchema>;
export type MeasureStatusChangeValues = z.input<typeof measureStatusChangeSchema>;

/** One status for many measures: all change, or none. */
export const measureBulkStatusChangeSchema = z
  .strictObject({ ...statusChangeFields, measureIds: z.array(idSchema).min(1).max(200) })
  .superRefine(requireReasons);
export type MeasureBulkStatusChange = z.infer<typeof measureBulkStatusChangeSchema>;

/**
 * A measure as its reader may see it. `owner` is null for readers who may not handle the source
 * (the reporter of an incident): the owner's name is personal data they do not need.
 */
export const measureSchema = z.object({
  id: idSchema,
  sourceKind: z.enum(measureSourceKinds),
  sourceId: idSchema.nullable(),
  sourceReference: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(measureCategories),
  owner: z.object({ personId: idSchema, name: z.string() }).nullable(),
  orgUnitId: idSchema.nullable(),
  orgUnitName: z.string().nullable(),
  siteId: idSchema.nullable(),
  dueOn: z.string(),
  status: z.enum(measureStatuses),
  statusReason: z.string(),
  completionNote: z.string(),
  estimatedCostOre: z.number().int().nullable(),
  actualCostOre: z.number().int().nullable(),
  /** Due date before today in Stockholm and neither done nor cancelled. */
  isOverdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Measure = z.infer<typeof measureSchema>;

export const measureListSchema = z.object({ items: z.array(measureSchema) });
export const measurePageSchema = z.object({ items: z.array(measureSchema), nextCursor: z.string().nullable() });
export type MeasurePage = z.infer<typeof measurePageSchema>;

/** One change of status, kept for ever beside the measure. */
export const measureStatusChangeEntrySchema = z.object({
  fromStatus: z.enum(measureStatuses).nullable(),
  toStatus: z.enum(measureStatuses),
  dueOn: z.string(),
  reason: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
});
export type MeasureStatusChangeEntry = z.infer<typeof measureStatusChangeEntrySchema>;
export const measureDetailSchema = z.object({
  measure: measureSchema,
  history: z.array(measureStatusChangeEntrySchema),
  /** Reminders that fired: a week before the due date and the morning after it, once each per date. */
  reminders: z.array(z.object({ kind: z.enum(['before_due', 'overdue']), dueOn: z.string(), remindedAt: z.string() })),
  mayManage: z.boolean(),
});
export type MeasureDetail = z.infer<typeof measureDetailSchema>;

/**
 * Evidence of completion as files (a photo of the new lock, the signed order): the same types as an
 * incident's attachments, at most `maxPerMeasure` per measure. Its content is fetched separately, and
 * that read is audited.
 */
export const measureEvidenceLimits = { maxPerMeasure: 10 } as const;
export const measureEvidenceSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  mediaType: z.enum(attachmentMediaTypes),
  byteSize: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export type MeasureEvidence = z.infer<typeof measureEvidenceSchema>;
export const measureEvidenceListSchema = z.object({ items: z.array(measureEvidenceSchema) });
export type MeasureEvidenceList = z.infer<typeof measureEvidenceListSchema>;
export const measureEvidenceParamsSchema = z.strictObject({ id: idSchema, fileId: idSchema });

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');
/** Filters of the measure lists; ordered by due date, keyset-paginated. */
export const measureListQuerySchema = pageQuerySchema.extend({
  status: z.enum(measureStatuses).optional(),
  category: z.enum(measureCategories).optional(),
  sourceKind: z.enum(measureSourceKinds).optional(),
  overdue: booleanQuery.optional(),
});
export type MeasureListQuery = z.infer<typeof measureListQuerySchema>;

/** The action plan: one administration's or one site's measures grouped by category, then stage. */
export const actionPlanSchema = z.object({
  title: z.string(),
  subjectKind: z.enum(['administration', 'site']),
  subjectId: idSchema,
  generatedAt: z.string(),
  counts: z.object({ done: z.number(), under_way: z.number(), planned: z.number() }),
  categories: z.array(
    z.object({
      category: z.enum(measureCategories),
      stages: z.array(z.object({ stage: z.enum(actionPlanStages), measures: z.array(measureSchema) })),
    }),
  ),
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

/** True when the due date is before today in Stockholm and the measure is still open. */
export function isMeasureOverdue(dueOn: string, status: MeasureStatus, todayInStockholm: string): boolean {
  return dueOn < todayInStockholm && !(closedMeasureStatuses as readonly string[]).includes(status);
}

/** Today's date (YYYY-MM-DD) in Stockholm. */
export function todayInStockholm(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

/** Labels of categories and stages in Swedish, for the generated documents. */
export const measureCategoryLabelsSv: Record<MeasureCategory, string> = {
  training: 'Utbildning',
  perimeter_protection: 'Skalskydd',
  routine: 'Rutin och plan',
  alarm: 'Teknik: larm',
  safety_app: 'Teknik: säkerhetsapp',
  camera: 'Teknik: kamera',
  lock: 'Teknik: lås',
  access_control: 'Teknik: passersystem',
  role_staffing: 'Organisation: roll och bemanning',
  information: 'Information',
};
export const actionPlanStageLabelsSv: Record<ActionPlanStage, string> = {
  done: 'Genomförda',
  under_way: 'Pågående',
  planned: 'Planerade',
};
export const measureStatusLabelsSv: Record<MeasureStatus, string> = {
  planned: 'Planerad',
  in_progress: 'Pågår',
  done: 'Klar',
  postponed: 'Uppskjuten',
  cancelled: 'Avbruten',
};

/** When a measure's reminder fires: 08:00 in Stockholm, `offsetDays` from the due date. */
export function measureReminderAt(dueOn: string, offsetDays: number): Date {
  return stockholmMorning(addDays(dueOn, offsetDays));
}
