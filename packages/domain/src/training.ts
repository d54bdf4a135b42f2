import { z } from 'zod';
import { addDays, addMonths } from './calendar.ts';
import { officialCategorySchema } from './organisation.ts';
import { roleSchema } from './roles.ts';
import { freeText, idSchema, nameText } from './text.ts';

/** A completion counts as "expiring" this many days before its validity ends. */
export const expiringWithinDays = 90;

/**
 * Who a course is for. A person belongs to the target group when any rule matches: they work in one
 * of the unit subtrees, hold one of the roles (any scope), or are an official of one of the
 * categories. An empty target group reaches nobody: a course is for someone by decision.
 */
export const targetGroupSchema = z.strictObject({
  orgUnitIds: z.array(idSchema).max(100).default([]),
  roles: z.array(roleSchema).max(20).default([]),
  officialCategories: z.array(officialCategorySchema).max(2).default([]),
});
export type TargetGroup = z.infer<typeof targetGroupSchema>;

/** A course: PDV, threat and violence basics, personal security, first aid … */
export const courseInputSchema = z.strictObject({
  name: nameText(200),
  description: freeText(2000).default(''),
  /** Months a completion stays valid; null: it never expires. */
  validityMonths: z.number().int().min(1).max(240).nullable(),
  targetGroup: targetGroupSchema,
  /** Its completions are the protection programme's personal security training (one course per city). */
  isProgrammeTraining: z.boolean().default(false),
});
export type CourseInput = z.infer<typeof courseInputSchema>;
export type CourseInputValues = z.input<typeof courseInputSchema>;

export const courseSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  validityMonths: z.number().int().nullable(),
  targetGroup: z.object({
    orgUnitIds: z.array(idSchema),
    roles: z.array(roleSchema),
    officialCategories: z.array(officialCategorySchema),
  }),
  isProgrammeTraining: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Course = z.infer<typeof courseSchema>;

/** An occasion of a course: when, where, and how many may come. */
export const occasionInputSchema = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }),
  place: nameText(200),
  capacity: z.number().int().min(1).max(10_000),
});
export type OccasionInput = z.infer<typeof occasionInputSchema>;

export const participantSchema = z.object({
  personId: idSchema,
  name: z.string(),
  /** null until attendance is recorded. */
  hasAttended: z.boolean().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

export const occasionSchema = z.object({
  id: idSchema,
  courseId: idSchema,
  startsAt: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  enrolledCount: z.number().int(),
});
export type Occasion = z.infer<typeof occasionSchema>;

export const occasionDetailSchema = occasionSchema.extend({ participants: z.array(participantSchema) });
export type OccasionDetail = z.infer<typeof occasionDetailSchema>;

export const enrolmentInputSchema = z.strictObject({ personIds: z.array(idSchema).min(1).max(500) });

/** The attendance list of an occasion: who came. Everyone ticked gets a completion on the occasion's date. */
export const attendanceInputSchema = z.strictObject({ attendedPersonIds: z.array(idSchema).max(10_000) });

/** Completions recorded in bulk from a paper attendance list: who, and on which day. */
export const bulkCompletionInputSchema = z.strictObject({
  personIds: z.array(idSchema).min(1).max(10_000),
  completedOn: z.iso.date(),
});

export const completionSchema = z.object({
  id: idSchema,
  courseId: idSchema,
  courseName: z.string(),
  personId: idSchema,
  completedOn: z.string(),
  validUntil: z.string().nullable(),
});
export type Completion = z.infer<typeof completionSchema>;

/** The columns of an e-learning platform's export: a person by employee number or e-mail, and the day. */
export const completionImportColumns = ['employee_number', 'email', 'completed_on'] as const;
export type CompletionImportColumn = (typeof completionImportColumns)[number];

export const completionImportResultSchema = z.object({ completions: z.number().int() });

export const coverageQuerySchema = z.strictObject({
  courseId: idSchema,
  /** The unit whose subtree is counted; the actor's whole scope when left out. */
  orgUnitId: idSchema.optional(),
});

export const coverageStatuses = ['valid', 'expiring', 'missing'] as const;
export type CoverageStatus = (typeof coverageStatuses)[number];

const coverageCountsSchema = z.object({
  targetCount: z.number().int(),
  validCount: z.number().int(),
  expiringCount: z.number().int(),
  missingCount: z.number().int(),
});
export type CoverageCounts = z.infer<typeof coverageCountsSchema>;

export const coverageSchema = z.object({
  courseId: idSchema,
  today: z.string(),
  totals: coverageCountsSchema,
  /** The counts per unit one level below the counted unit (per administration for the whole city). */
  units: z.array(coverageCountsSchema.extend({ orgUnitId: idSchema, name: z.string() })),
  /** Who lacks a valid completion or expires within 90 days (the first 500, by name). */
  people: z.array(
    z.object({
      personId: idSchema,
      name: z.string(),
      status: z.enum(['expiring', 'missing']),
      validUntil: z.string().nullable(),
    }),
  ),
});
export type Coverage = z.infer<typeof coverageSchema>;

/**
 * The last day a completion is valid: the completion date plus the course's validity, less a day
 * (a 24-month course done on 2026-03-01 holds through 2028-02-29). null: it never expires.
 */
export function validUntilOf(completedOn: string, validityMonths: number | null): string | null {
  return validityMonths === null ? null : addDays(addMonths(completedOn, validityMonths), -1);
}

/** One person's standing: valid through `validUntil`, expiring when that is within 90 days of today. */
export function coverageStatusOf(validUntil: string | null | undefined, today: string): CoverageStatus {
  if (validUntil === undefined) return 'missing';
  if (validUntil === null) return 'valid';
  if (validUntil < today) return 'missing';
  return validUntil < addDays(today, expiringWithinDays) ? 'expiring' : 'valid';
}

/**
 * The coverage of a target group: each person's best completion decides. Pure, so the rule is tested
 * without a database; the server computes the same in SQL for whole cities.
 */
export function coverageOf(
  targetPersonIds: readonly string[],
  completions: readonly { personId: string; validUntil: string | null }[],
  today: string,
): CoverageCounts & { statusOf: ReadonlyMap<string, CoverageStatus> } {
  const best = new Map<string, string | null>();
  for (const { personId, validUntil } of completions) {
    const earlier = best.get(personId);
    if (earlier === null) continue;
    if (validUntil === null || earlier === undefined || validUntil > earlier) best.set(personId, validUntil);
  }
  const statusOf = new Map<string, CoverageStatus>();
  const counts = { targetCount: 0, validCount: 0, expiringCount: 0, missingCount: 0 };
  for (const personId of new Set(targetPersonIds)) {
    const status = coverageStatusOf(best.has(personId) ? best.get(personId) : undefined, today);
    statusOf.set(personId, status);
    counts.targetCount += 1;
    counts[`${status}Count`] += 1;
  }
  return { ...counts, statusOf };
}
