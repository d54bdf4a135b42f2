import { z } from 'zod';
import { freeText, idSchema, nameText } from './text.ts';

/**
 * What a measure (åtgärd) was decided for: incidents, risk analyses and security walks' deviations so
 * far; threat cases, drills, board assignments and standalone measures follow (the database check
 * constraint lists the same values).
 */
export const measureSourceKinds = ['incident', 'risk_analysis', 'security_walk'] as const;
export type MeasureSourceKind = (typeof measureSourceKinds)[number];

export const measureStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/** A new measure: every measure has an owner (a person in the tenant) and a due date. */
export const measureInputSchema = z.strictObject({
  title: nameText(200),
  description: freeText(2000).default(''),
  ownerPersonId: idSchema,
  /** The responsible unit; the source's own unit when left out. */
  orgUnitId: idSchema.nullable().default(null),
  dueOn: z.iso.date(),
});
export type MeasureInput = z.infer<typeof measureInputSchema>;
export type MeasureInputValues = z.input<typeof measureInputSchema>;

export const measureStatusChangeSchema = z.strictObject({ status: z.enum(measureStatuses) });

/**
 * A measure as its reader may see it. `owner` is null for readers who may not handle the source
 * (the reporter of an incident): the owner's name is personal data they do not need.
 */
export const measureSchema = z.object({
  id: idSchema,
  sourceKind: z.enum(measureSourceKinds),
  sourceId: idSchema,
  title: z.string(),
  description: z.string(),
  owner: z.object({ personId: idSchema, name: z.string() }).nullable(),
  orgUnitId: idSchema.nullable(),
  dueOn: z.string(),
  status: z.enum(measureStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Measure = z.infer<typeof measureSchema>;

export const measureListSchema = z.object({ items: z.array(measureSchema) });
