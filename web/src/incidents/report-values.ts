import {
  type concernRelations,
  type crisisSupportStatuses,
  type fieldErrorsOf,
  type IncidentKind,
  type IncidentReport,
  type IncidentType,
  type incidentContexts,
  incidentReportSchema,
  type LocalizedText,
  type linkAssessments,
  type policeReporters,
  type policeReportStatuses,
  type threatChannels,
} from '@varn/domain';
import type { ValidatingSchema } from '../shared/forms/use-form-errors.ts';
import { en } from '../shared/i18n/en.ts';
import { sv } from '../shared/i18n/sv.ts';
import { stockholmInputValueToIso, toStockholmInputValue } from '../shared/ui/stockholm-time.ts';

export type IncidentContext = (typeof incidentContexts)[number];
export type ThreatChannel = (typeof threatChannels)[number];
export type ConcernRelation = (typeof concernRelations)[number];
export type LinkAssessment = (typeof linkAssessments)[number];
export type PoliceReportStatus = (typeof policeReportStatuses)[number];
export type PoliceReporter = (typeof policeReporters)[number];
export type CrisisSupportStatus = (typeof crisisSupportStatuses)[number];

export const consequenceFlags = [
  'physicalInjury',
  'psychologicalInjury',
  'injuryNeedingCare',
  'propertyDamage',
  'death',
] as const;
export type ConsequenceFlag = (typeof consequenceFlags)[number];

/** The report form's values as the fields hold them: text for numbers and dates, '' for "not chosen". */
export type ReportValues = {
  kind: IncidentKind | '';
  types: IncidentType[];
  /** A datetime-local value in Stockholm time. */
  occurredAt: string;
  siteId: string;
  placeDescription: string;
  context: IncidentContext | '';
  channel: ThreatChannel | '';
  description: string;
  isOutsideWorkingHours: boolean;
  consequences: ConsequenceFlag[];
  sickLeaveDays: string;
  isReporterAffected: boolean;
  otherAffectedCount: string;
  isWeaponInvolved: boolean;
  isThreatToLife: boolean;
  concernIsKnown: 'yes' | 'no' | '';
  concernRelation: ConcernRelation | '';
  concernGangCrimeLink: LinkAssessment;
  concernViolentExtremismLink: LinkAssessment;
  concernDescription: string;
  policeStatus: PoliceReportStatus | '';
  policeReportedBy: PoliceReporter | '';
  policeReportedOn: string;
  policeReferenceNumber: string;
  policeReasonNotMade: string;
  isPoliceHelpOffered: boolean;
  crisisSupportStatus: CrisisSupportStatus;
  isOccupationalHealthContacted: boolean;
  /** Reporting for someone else (managers and party offices only). */
  onBehalf: 'yes' | 'no';
  onBehalfSearch: string;
  onBehalfOfPersonId: string;
};

/** A new report: now, the reporter affected, nothing else chosen. */
export function initialReportValues(now = new Date()): ReportValues {
  return {
    kind: '',
    types: [],
    occurredAt: toStockholmInputValue(now),
    siteId: '',
    placeDescription: '',
    context: '',
    channel: '',
    description: '',
    isOutsideWorkingHours: false,
    consequences: [],
    sickLeaveDays: '',
    isReporterAffected: true,
    otherAffectedCount: '',
    isWeaponInvolved: false,
    isThreatToLife: false,
    concernIsKnown: '',
    concernRelation: '',
    concernGangCrimeLink: 'unknown',
    concernViolentExtremismLink: 'unknown',
    concernDescription: '',
    policeStatus: '',
    policeReportedBy: '',
    policeReportedOn: '',
    policeReferenceNumber: '',
    policeReasonNotMade: '',
    isPoliceHelpOffered: false,
    crisisSupportStatus: 'not_offered',
    isOccupationalHealthContacted: false,
    onBehalf: 'no',
    onBehalfSearch: '',
    onBehalfOfPersonId: '',
  };
}

/** Whole numbers as typed; anything else is left for the schema to reject. */
function wholeNumber(text: string, empty: number | null): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return empty;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function personOfConcernOf(values: ReportValues) {
  const isDescribed =
    values.concernIsKnown !== '' ||
    values.concernRelation !== '' ||
    values.concernDescription.trim() !== '' ||
    values.concernGangCrimeLink !== 'unknown' ||
    values.concernViolentExtremismLink !== 'unknown';
  if (!isDescribed) return null;
  return {
    isKnown: values.concernIsKnown === '' ? undefined : values.concernIsKnown === 'yes',
    relation: values.concernRelation || undefined,
    gangCrimeLink: values.concernGangCrimeLink,
    violentExtremismLink: values.concernViolentExtremismLink,
    description: values.concernDescription.trim(),
  };
}

function policeReportOf(values: ReportValues) {
  if (values.policeStatus === '') return null;
  const isMade = values.policeStatus === 'made';
  return {
    status: values.policeStatus,
    reportedBy: values.policeStatus === 'not_made' ? null : values.policeReportedBy || null,
    reportedOn: isMade ? orNull(values.policeReportedOn) : null,
    referenceNumber: isMade ? orNull(values.policeReferenceNumber) : null,
    reasonNotMade: values.policeStatus === 'not_made' ? values.policeReasonNotMade.trim() : null,
    isHelpOffered: values.isPoliceHelpOffered,
  };
}

/**
 * The form's values as the API's input, for `incidentReportSchema` to check. Only the questions that
 * are shown count: a channel only for threats, the free-text place only without a chosen site.
 */
export function reportInputOf(values: ReportValues): unknown {
  return {
    kind: values.kind || undefined,
    types: values.types,
    occurredAt: stockholmInputValueToIso(values.occurredAt) ?? values.occurredAt,
    place: values.siteId
      ? { kind: 'site', siteId: values.siteId }
      : { kind: 'free', description: values.placeDescription },
    isOutsideWorkingHours: values.isOutsideWorkingHours,
    context: values.context || undefined,
    channel: values.types.includes('threat') ? values.channel || null : null,
    description: values.description,
    consequences: {
      physicalInjury: values.consequences.includes('physicalInjury'),
      psychologicalInjury: values.consequences.includes('psychologicalInjury'),
      injuryNeedingCare: values.consequences.includes('injuryNeedingCare'),
      propertyDamage: values.consequences.includes('propertyDamage'),
      death: values.consequences.includes('death'),
      sickLeaveDays: wholeNumber(values.sickLeaveDays, null),
    },
    otherAffectedCount: wholeNumber(values.otherAffectedCount, 0),
    isReporterAffected: values.isReporterAffected,
    isWeaponInvolved: values.isWeaponInvolved,
    isThreatToLife: values.isThreatToLife,
    personOfConcern: personOfConcernOf(values),
    policeReport: policeReportOf(values),
    crisisSupport: {
      status: values.crisisSupportStatus,
      isOccupationalHealthContacted: values.isOccupationalHealthContacted,
    },
    // '' when nobody is chosen yet: the schema then asks for a person instead of reporting for oneself.
    onBehalfOfPersonId: values.onBehalf === 'yes' ? values.onBehalfOfPersonId : null,
  };
}

/** The fields inside "Mer detaljer": an error in one of them opens the disclosure. */
const detailPaths = [
  'isOutsideWorkingHours',
  'consequences',
  'isReporterAffected',
  'otherAffectedCount',
  'isWeaponInvolved',
  'isThreatToLife',
  'personOfConcern',
  'policeReport',
  'crisisSupport',
];

export function isDetailPath(path: string): boolean {
  return detailPaths.some((detail) => path === detail || path.startsWith(`${detail}.`));
}

type Issues = Parameters<typeof fieldErrorsOf>[0];
type Issue = Issues[number];

const reportMessageKeys = {
  kind: 'kind',
  types: 'types',
  occurredAt: 'occurredAt',
  'place.description': 'place',
  'place.siteId': 'site',
  context: 'context',
  channel: 'channel',
  description: 'description',
  'consequences.sickLeaveDays': 'sickLeaveDays',
  otherAffectedCount: 'otherAffectedCount',
  'personOfConcern.isKnown': 'concernIsKnown',
  'personOfConcern.relation': 'concernRelation',
  'personOfConcern.description': 'concernDescription',
  'policeReport.reportedOn': 'policeReportedOn',
  'policeReport.referenceNumber': 'policeReferenceNumber',
  'policeReport.reasonNotMade': 'policeReasonNotMade',
  onBehalfOfPersonId: 'onBehalfOfPersonId',
} as const satisfies Record<string, keyof typeof sv.incidents.reportErrors>;

function messageOf(path: string): LocalizedText | undefined {
  const key = (reportMessageKeys as Record<string, keyof typeof sv.incidents.reportErrors>)[path];
  return key ? { sv: sv.incidents.reportErrors[key], en: en.incidents.reportErrors[key] } : undefined;
}

/**
 * `incidentReportSchema` with messages a reporter understands: zod's own ("expected one of …") are
 * replaced per field; the domain's own rules keep theirs. One message per field.
 */
export const reportSchema: ValidatingSchema<IncidentReport> = {
  safeParse(value) {
    const result = incidentReportSchema.safeParse(value);
    if (result.success) return result;
    const seen = new Set<string>();
    const issues: Issue[] = [];
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (seen.has(path)) continue;
      seen.add(path);
      const message = issue.code === 'custom' ? undefined : messageOf(path);
      issues.push(
        message
          ? ({
              code: 'custom',
              path: issue.path,
              message: message.en,
              params: { sv: message.sv },
              input: undefined,
            } as Issue)
          : issue,
      );
    }
    return { success: false, error: { issues } };
  },
};
