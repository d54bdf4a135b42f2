import { z } from 'zod';
import { freeText, idSchema } from './text.ts';

/**
 * What protects a site (issue 5): the perimeter, the technical protection and the rooms and routes
 * that matter when someone threatening comes. Each element is judged and described; the alarm
 * centre is named once for the site.
 */
// camelCase keys: the database's CamelCasePlugin renames jsonb object keys on the way out too.
export const protectionElements = [
  'locks',
  'accessControl',
  'intrusionAlarm',
  'assaultAlarm',
  'cameras',
  'reception',
  'guardService',
  'blackoutCurtains',
  'evacuationRoutes',
  'lockdownRoutes',
  'riskMeetingRooms',
  'loneWorking',
] as const;
export type ProtectionElement = (typeof protectionElements)[number];

/** How far an element is in place; null is "not assessed yet". */
export const protectionStates = ['in_place', 'partly', 'missing', 'not_applicable'] as const;
export type ProtectionState = (typeof protectionStates)[number];

export const protectionElementValueSchema = z.strictObject({
  state: z.enum(protectionStates).nullable(),
  note: freeText(1000).default(''),
});
export type ProtectionElementValue = z.infer<typeof protectionElementValueSchema>;

const unassessed: ProtectionElementValue = { state: null, note: '' };

const elementsSchema = z.strictObject(
  Object.fromEntries(
    protectionElements.map((element) => [element, protectionElementValueSchema.default(unassessed)]),
  ) as Record<ProtectionElement, z.ZodDefault<typeof protectionElementValueSchema>>,
);
export type ProtectionElements = Record<ProtectionElement, ProtectionElementValue>;

/** An empty profile: every element unassessed. */
export function emptyProtectionElements(): ProtectionElements {
  return Object.fromEntries(protectionElements.map((element) => [element, { ...unassessed }])) as ProtectionElements;
}

/**
 * A saved profile. `baseVersion` is the version the editor started from (0 when the site had
 * none): a save over someone else's newer version is refused instead of silently undoing it.
 */
export const siteProtectionInputSchema = z.strictObject({
  baseVersion: z.number().int().min(0),
  elements: elementsSchema,
  alarmCentre: freeText(300).default(''),
  note: freeText(2000).default(''),
});
export type SiteProtectionInput = z.infer<typeof siteProtectionInputSchema>;
export type SiteProtectionInputValues = z.input<typeof siteProtectionInputSchema>;

const personRefSchema = z.object({ id: idSchema, name: z.string() });

export const siteProtectionProfileSchema = z.object({
  siteId: idSchema,
  /** 0 while the site has no profile yet. */
  version: z.number().int(),
  elements: z.record(z.enum(protectionElements), protectionElementValueSchema),
  alarmCentre: z.string(),
  note: z.string(),
  changedAt: z.string().nullable(),
  changedBy: personRefSchema.nullable(),
});
export type SiteProtectionProfile = z.infer<typeof siteProtectionProfileSchema>;

/** The fields a change can touch: each element, the alarm centre and the general note. */
export const protectionFields = [...protectionElements, 'alarmCentre', 'note'] as const;
export type ProtectionField = (typeof protectionFields)[number];

export const protectionChangeSchema = z.object({
  field: z.enum(protectionFields),
  before: protectionElementValueSchema,
  after: protectionElementValueSchema,
});
export type ProtectionChange = z.infer<typeof protectionChangeSchema>;

export const protectionHistoryEntrySchema = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: personRefSchema.nullable(),
  changes: z.array(protectionChangeSchema),
});
export type ProtectionHistoryEntry = z.infer<typeof protectionHistoryEntrySchema>;

export const siteProtectionSchema = z.object({
  profile: siteProtectionProfileSchema,
  /** Newest first. */
  history: z.array(protectionHistoryEntrySchema),
});
export type SiteProtection = z.infer<typeof siteProtectionSchema>;

type ProfileContent = Pick<SiteProtectionProfile, 'alarmCentre' | 'note'> & { elements: ProtectionElements };

const asValue = (text: string): ProtectionElementValue => ({ state: null, note: text });

/** What differs between two versions of a profile, field by field (the "what" of the history). */
export function protectionChanges(before: ProfileContent, after: ProfileContent): ProtectionChange[] {
  const changes: ProtectionChange[] = [];
  for (const element of protectionElements) {
    const from = before.elements[element] ?? unassessed;
    const to = after.elements[element] ?? unassessed;
    if (from.state !== to.state || from.note !== to.note) changes.push({ field: element, before: from, after: to });
  }
  if (before.alarmCentre !== after.alarmCentre) {
    changes.push({ field: 'alarmCentre', before: asValue(before.alarmCentre), after: asValue(after.alarmCentre) });
  }
  if (before.note !== after.note)
    changes.push({ field: 'note', before: asValue(before.note), after: asValue(after.note) });
  return changes;
}
