import { TZDate } from '@date-fns/tz';
import { addDays, format, isWeekend } from 'date-fns';
import { z } from 'zod';
import { attachmentSchema } from './incident-attachments.ts';
import { incidentEventKinds, incidentFollowUpShape } from './incident-investigation.ts';
import { measureStatuses } from './measures.ts';
import { freeText, idSchema, nameText } from './text.ts';
import { localized } from './validation.ts';

/** Incident (händelse), near miss (tillbud) or risk observation (riskobservation). */
export const incidentKinds = ['incident', 'near_miss', 'risk_observation'] as const;
export const incidentTypes = ['threat', 'violence', 'harassment', 'property_damage', 'other'] as const;
export const incidentContexts = [
  'drop_in',
  'booked_visit',
  'outreach',
  'school',
  'home_visit',
  'phone',
  'digital_channel',
  'public_appearance',
  'meeting',
  'travel',
  'other',
] as const;
/** How a threat reached the person: asked for threats only. */
export const threatChannels = ['in_person', 'phone', 'email', 'letter', 'social_media', 'other_digital'] as const;
export const concernRelations = ['client', 'student', 'relative', 'public', 'colleague', 'other'] as const;
/** How sure the link of a person of concern to gang crime or violent extremism is. */
export const linkAssessments = ['unknown', 'suspected', 'confirmed'] as const;
export const policeReportStatuses = ['made', 'planned', 'not_made'] as const;
export const policeReporters = ['self', 'manager', 'security_department', 'other'] as const;
export const crisisSupportStatuses = ['not_offered', 'offered', 'accepted', 'declined'] as const;
/** The workflow: reported → acknowledged → investigating → measures decided → closed. */
export const incidentStatuses = ['reported', 'acknowledged', 'investigating', 'measures_decided', 'closed'] as const;

export type IncidentKind = (typeof incidentKinds)[number];
export type IncidentType = (typeof incidentTypes)[number];
export type IncidentStatus = (typeof incidentStatuses)[number];

/**
 * Reports may be dated a few minutes ahead: phones' clocks drift. No later time is accepted, which
 * the statistics rely on (nothing has occurred after now plus this).
 */
export const clockSkewMs = 5 * 60_000;

const placeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('site'), siteId: idSchema }),
  z.strictObject({ kind: z.literal('free'), description: nameText(300) }),
]);

export const consequencesSchema = z.strictObject({
  physicalInjury: z.boolean().default(false),
  psychologicalInjury: z.boolean().default(false),
  /** Injury that needed care from a doctor, nurse or hospital. */
  injuryNeedingCare: z.boolean().default(false),
  sickLeaveDays: z.int().min(0).max(365).nullable().default(null),
  propertyDamage: z.boolean().default(false),
  death: z.boolean().default(false),
});
export type Consequences = z.infer<typeof consequencesSchema>;

/** The person behind the event: special-category data (GDPR art. 10), shown only on need-to-know. */
export const personOfConcernSchema = z.strictObject({
  isKnown: z.boolean(),
  relation: z.enum(concernRelations),
  gangCrimeLink: z.enum(linkAssessments).default('unknown'),
  violentExtremismLink: z.enum(linkAssessments).default('unknown'),
  description: freeText(1000).default(''),
});
export type PersonOfConcern = z.infer<typeof personOfConcernSchema>;

export const policeReportSchema = z
  .strictObject({
    status: z.enum(policeReportStatuses),
    reportedBy: z.enum(policeReporters).nullable().default(null),
    reportedOn: z.iso.date().nullable().default(null),
    referenceNumber: nameText(40).nullable().default(null),
    reasonNotMade: freeText(1000).nullable().default(null),
    isHelpOffered: z.boolean().default(false),
  })
  .superRefine((report, context) => {
    if (report.status === 'not_made' && !report.reasonNotMade?.trim()) {
      context.addIssue({
        code: 'custom',
        path: ['reasonNotMade'],
        ...localized('Say why no police report is made', 'Ange varför ingen polisanmälan görs'),
      });
    }
  });

export const crisisSupportSchema = z.strictObject({
  status: z.enum(crisisSupportStatuses).default('not_offered'),
  isOccupationalHealthContacted: z.boolean().default(false),
});

/**
 * A report as the form and the API take it. The short form asks kind, types, when, where, context
 * and what happened; everything else is optional detail.
 */
export const incidentReportSchema = z
  .strictObject({
    kind: z.enum(incidentKinds),
    types: z.array(z.enum(incidentTypes)).min(1).max(incidentTypes.length),
    occurredAt: z.iso.datetime({ offset: true }),
    place: placeSchema,
    isOutsideWorkingHours: z.boolean().default(false),
    context: z.enum(incidentContexts),
    channel: z.enum(threatChannels).nullable().default(null),
    description: freeText(5000).refine(
      (text) => text.trim().length > 0,
      localized('Describe what happened', 'Beskriv vad som hände'),
    ),
    /** The unit the event belongs to; the reporter's own unit when left out. */
    unitId: idSchema.nullable().default(null),
    consequences: consequencesSchema.prefault({}),
    /** Others than the reporter who were affected. */
    otherAffectedCount: z.int().min(0).max(500).default(0),
    isReporterAffected: z.boolean().default(true),
    isWeaponInvolved: z.boolean().default(false),
    isThreatToLife: z.boolean().default(false),
    personOfConcern: personOfConcernSchema.nullable().default(null),
    policeReport: policeReportSchema.nullable().default(null),
    crisisSupport: crisisSupportSchema.prefault({}),
    /**
     * Reporting on someone's behalf: a manager for an employee in their part of the organisation, a
     * party office for an elected official of its party. That person becomes the reporter.
     */
    onBehalfOfPersonId: idSchema.nullable().default(null),
  })
  .superRefine((report, context) => {
    if (hasInjury(report.consequences) && report.kind !== 'incident') {
      context.addIssue({
        code: 'custom',
        path: ['kind'],
        ...localized(
          'A situation that caused injury is always an incident, never a near miss or a risk observation',
          'En situation som ledde till skada är alltid en händelse, aldrig ett tillbud eller en riskobservation',
        ),
      });
    }
    if (Date.parse(report.occurredAt) > Date.now() + clockSkewMs) {
      context.addIssue({
        code: 'custom',
        path: ['occurredAt'],
        ...localized('The time cannot be in the future', 'Tidpunkten kan inte ligga i framtiden'),
      });
    }
    if (new Set(report.types).size !== report.types.length) {
      context.addIssue({ code: 'custom', path: ['types'], ...localized('Each type once', 'Varje typ en gång') });
    }
  });
export type IncidentReport = z.infer<typeof incidentReportSchema>;
export type IncidentReportInput = z.input<typeof incidentReportSchema>;

export function hasInjury(consequences: Consequences): boolean {
  return (
    consequences.physicalInjury ||
    consequences.psychologicalInjury ||
    consequences.injuryNeedingCare ||
    consequences.death ||
    (consequences.sickLeaveDays ?? 0) > 0
  );
}

function affectedCount(report: Pick<IncidentReport, 'isReporterAffected' | 'otherAffectedCount'>): number {
  return (report.isReporterAffected ? 1 : 0) + report.otherAffectedCount;
}

/**
 * Serious events go to the security department at once: injury needing care, a weapon, several
 * people affected, or a threat to life.
 */
export function isSerious(report: IncidentReport): boolean {
  return (
    report.consequences.injuryNeedingCare ||
    report.consequences.death ||
    report.isWeaponInvolved ||
    report.isThreatToLife ||
    affectedCount(report) > 1
  );
}

/**
 * Whether Arbetsmiljöverket must be told without delay (AML 3 kap. 3 a §): a death, a serious
 * injury, several injured at once, or a serious near miss (one that threatened life or health).
 */
export function requiresWorkEnvironmentAuthorityNotice(report: IncidentReport): boolean {
  const injuredSeveral = hasInjury(report.consequences) && affectedCount(report) > 1;
  const seriousNearMiss = report.kind === 'near_miss' && (report.isWeaponInvolved || report.isThreatToLife);
  return report.consequences.death || report.consequences.injuryNeedingCare || injuredSeveral || seriousNearMiss;
}

/** A work injury (physical or psychological) is reported to Försäkringskassan. */
export function requiresWorkInjuryReport(report: IncidentReport): boolean {
  return report.kind === 'incident' && hasInjury(report.consequences);
}

/** Which workflow steps may follow which; reopening a closed report goes back to investigating. */
export const incidentTransitions: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  reported: ['acknowledged'],
  acknowledged: ['investigating', 'closed'],
  investigating: ['measures_decided', 'closed'],
  measures_decided: ['closed', 'investigating'],
  closed: ['investigating'],
};

export function canMoveIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return incidentTransitions[from].includes(to);
}

/** A row of an incident list: enough to triage, nothing about the person of concern. */
export const incidentSummarySchema = z.object({
  id: idSchema,
  kind: z.enum(incidentKinds),
  types: z.array(z.enum(incidentTypes)),
  occurredAt: z.string(),
  context: z.enum(incidentContexts),
  unitId: idSchema.nullable(),
  partyId: idSchema.nullable(),
  status: z.enum(incidentStatuses),
  isSerious: z.boolean(),
  policeReportStatus: z.enum(policeReportStatuses).nullable(),
});
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

/**
 * One incident as its reader may see it. `personOfConcern` is null both when there is none and when
 * the reader lacks need-to-know; `isPersonOfConcernWithheld` tells the two apart.
 */
export const incidentSchema = incidentSummarySchema.extend({
  reporter: z.object({ personId: idSchema, name: z.string() }),
  /** Who registered the report when it was made on the reporter's behalf; null when they made it themself. */
  registeredBy: z.object({ personId: idSchema, name: z.string() }).nullable(),
  place: z.union([
    z.object({ kind: z.literal('site'), siteId: idSchema }),
    z.object({ kind: z.literal('free'), description: z.string() }),
  ]),
  isOutsideWorkingHours: z.boolean(),
  channel: z.enum(threatChannels).nullable(),
  description: z.string(),
  consequences: z.object({
    physicalInjury: z.boolean(),
    psychologicalInjury: z.boolean(),
    injuryNeedingCare: z.boolean(),
    sickLeaveDays: z.number().int().nullable(),
    propertyDamage: z.boolean(),
    death: z.boolean(),
  }),
  isReporterAffected: z.boolean(),
  otherAffectedCount: z.number().int(),
  isWeaponInvolved: z.boolean(),
  isThreatToLife: z.boolean(),
  personOfConcern: z
    .object({
      isKnown: z.boolean(),
      relation: z.enum(concernRelations),
      gangCrimeLink: z.enum(linkAssessments),
      violentExtremismLink: z.enum(linkAssessments),
      description: z.string(),
    })
    .nullable(),
  isPersonOfConcernWithheld: z.boolean(),
  policeReport: z
    .object({
      status: z.enum(policeReportStatuses),
      reportedBy: z.enum(policeReporters).nullable(),
      reportedOn: z.string().nullable(),
      referenceNumber: z.string().nullable(),
      reasonNotMade: z.string().nullable(),
      isHelpOffered: z.boolean(),
    })
    .nullable(),
  crisisSupport: z.object({ status: z.enum(crisisSupportStatuses), isOccupationalHealthContacted: z.boolean() }),
  requiresAuthorityNotice: z.boolean(),
  requiresWorkInjuryReport: z.boolean(),
  ...incidentFollowUpShape,
  timeline: z.array(
    z.object({
      occurredAt: z.string(),
      actorName: z.string().nullable(),
      kind: z.enum(incidentEventKinds),
      fromStatus: z.enum(incidentStatuses).nullable(),
      toStatus: z.enum(incidentStatuses).nullable(),
      /** The fields an investigation save or a correction named. */
      fields: z.array(z.string()),
      /** The new status of a measure, for measure events. */
      measureStatus: z.enum(measureStatuses).nullable(),
      text: z.string(),
    }),
  ),
  /** Photos, screenshots and PDFs, oldest first: their names and sizes, never their content. */
  attachments: z.array(attachmentSchema),
  /** Whether the reader may add attachments: the reporter, and those who handle the incident. */
  canAddAttachments: z.boolean(),
});
export type Incident = z.infer<typeof incidentSchema>;

/** The link filters ask for a suspected or a confirmed link; 'unknown' is no filter. */
export const linkFilterValues = ['suspected', 'confirmed'] as const;
/** A police report filter: one of the statuses, or no police report information at all. */
export const policeReportFilterValues = [...policeReportStatuses, 'none'] as const;

/**
 * The filters of an incident list and its export. `from` and `to` are calendar dates in Stockholm,
 * both included. The link filters read person-of-concern data: only for need-to-know roles.
 */
export const incidentFilterSchema = z.strictObject({
  /** The unit and everything below it. */
  unitId: idSchema.optional(),
  kind: z.enum(incidentKinds).optional(),
  type: z.enum(incidentTypes).optional(),
  status: z.enum(incidentStatuses).optional(),
  isSerious: z.stringbool().optional(),
  policeReport: z.enum(policeReportFilterValues).optional(),
  gangCrimeLink: z.enum(linkFilterValues).optional(),
  violentExtremismLink: z.enum(linkFilterValues).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type IncidentFilter = z.infer<typeof incidentFilterSchema>;

/** A workflow step, with an optional comment; reopening a closed report must say why (the service checks). */
export const incidentStatusChangeSchema = z.strictObject({
  status: z.enum(incidentStatuses),
  comment: freeText(2000).default(''),
});

/**
 * Whether a calendar date in Stockholm ('YYYY-MM-DD') is a day off besides Saturday and Sunday. The
 * server supplies it from its holiday calendar, so the calendar library never reaches the web bundle.
 */
export type IsDayOff = (stockholmDate: string) => boolean;

/**
 * When a manager is reminded of a report nobody has acknowledged: after `workingDays` working days
 * (Monday to Friday, not a day off), counted in Stockholm at the hour of the report, whatever the
 * summer-time change in between.
 */
export function acknowledgementReminderAt(reportedAt: Date, workingDays: number, isDayOff: IsDayOff): Date {
  let day = new TZDate(reportedAt, 'Europe/Stockholm');
  for (let counted = 0; counted < workingDays; ) {
    day = addDays(day, 1);
    if (!isWeekend(day) && !isDayOff(format(day, 'yyyy-MM-dd'))) counted += 1;
  }
  return new Date(day.getTime());
}

const stockholm = 'Europe/Stockholm';

/** The instant a Stockholm calendar date (YYYY-MM-DD) begins, whatever the server's own zone. */
export function stockholmDayStart(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, stockholm).getTime());
}

/** The instant the Stockholm calendar day after `date` begins: the exclusive end of a `to` filter. */
export function stockholmDayEnd(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day + 1, stockholm).getTime());
}

/** Most rows one Excel export may hold; a larger list must be narrowed by its filters first. */
export const incidentExportRowLimit = 100_000;

/**
 * The Stockholm wall-clock time of an instant, as a Date whose UTC fields read that time: what a
 * spreadsheet cell (which has no time zone) must hold to show Swedish time.
 */
export function stockholmWallClock(instant: Date): Date {
  const local = new TZDate(instant.getTime(), stockholm);
  return new Date(
    Date.UTC(
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
    ),
  );
}
