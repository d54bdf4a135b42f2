import { z } from 'zod';
import { freeText, idSchema } from './text.ts';
import { localized } from './validation.ts';

/** Drills practised per site: evacuation (utrymning), lockdown (inrymning) and PDV. */
export const drillKinds = ['evacuation', 'lockdown', 'pdv'] as const;
export type DrillKind = (typeof drillKinds)[number];

const today = () => new Date().toISOString().slice(0, 10);

export const drillInputSchema = z
  .strictObject({
    siteId: idSchema,
    kind: z.enum(drillKinds),
    plannedOn: z.iso.date().nullable(),
    heldOn: z.iso
      .date()
      .refine(
        (date) => date <= today(),
        localized('The date cannot be in the future', 'Datumet kan inte ligga framåt i tiden'),
      )
      .nullable(),
    participantCount: z.number().int().min(0).max(100_000).nullable(),
    participatingUnits: freeText(1000),
    scenario: freeText(3000),
    whatWorked: freeText(3000),
    lessonsLearned: freeText(3000),
  })
  .superRefine((drill, context) => {
    if (!drill.plannedOn && !drill.heldOn) {
      context.addIssue({
        code: 'custom',
        path: ['plannedOn'],
        ...localized('Give the planned or the held date', 'Ange planerat eller genomfört datum'),
      });
    }
  });
export type DrillInput = z.input<typeof drillInputSchema>;
export type DrillValues = z.infer<typeof drillInputSchema>;

export const drillSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  siteName: z.string(),
  /** The site's unit: the scope of the drill and of its follow-up measures. */
  unitId: idSchema,
  /** Whether the reader plans drills of the site, and so decides its measures. */
  mayManage: z.boolean(),
  kind: z.enum(drillKinds),
  plannedOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  participantCount: z.number().int().nullable(),
  participatingUnits: z.string(),
  scenario: z.string(),
  whatWorked: z.string(),
  lessonsLearned: z.string(),
});
export type Drill = z.infer<typeof drillSchema>;

export const drillListQuerySchema = z.strictObject({ siteId: idSchema.optional() });

/** Per site and kind: the last held drill, the next planned one, and whether one is overdue. */
export const siteDrillStatusSchema = z.object({
  siteId: idSchema,
  siteName: z.string(),
  kinds: z.array(
    z.object({
      kind: z.enum(drillKinds),
      lastHeldOn: z.string().nullable(),
      nextPlannedOn: z.string().nullable(),
      isOverdue: z.boolean(),
    }),
  ),
});
export type SiteDrillStatus = z.infer<typeof siteDrillStatusSchema>;

/** A drill is overdue when none was held within the interval (or never). */
export function isDrillOverdue(lastHeldOn: string | null, intervalMonths: number, on: string): boolean {
  if (!lastHeldOn) return true;
  const [year, month, day] = lastHeldOn.split('-').map(Number) as [number, number, number];
  const due = new Date(Date.UTC(year, month - 1 + intervalMonths, day)).toISOString().slice(0, 10);
  return due < on;
}
