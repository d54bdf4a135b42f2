import type { CorrectableField, IncidentEventKind } from '@varn/domain';
import type { Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface IncidentTable {
  id: Generated<string>;
  tenantId: string;
  reporterPersonId: string;
  /** Who registered a report made on the reporter's behalf; null when the reporter made it. */
  registeredByPersonId: Generated<string | null>;
  unitId: string | null;
  partyId: string | null;
  siteId: string | null;
  placeDescription: string | null;
  kind: 'incident' | 'near_miss' | 'risk_observation';
  types: string[];
  occurredAt: Date;
  isOutsideWorkingHours: boolean;
  context: string;
  channel: string | null;
  description: string;
  physicalInjury: boolean;
  psychologicalInjury: boolean;
  injuryNeedingCare: boolean;
  sickLeaveDays: number | null;
  propertyDamage: boolean;
  death: boolean;
  isReporterAffected: boolean;
  otherAffectedCount: number;
  isWeaponInvolved: boolean;
  isThreatToLife: boolean;
  isSerious: boolean;
  policeReportStatus: string | null;
  policeReportedBy: string | null;
  policeReportedOn: string | null;
  policeReferenceNumber: string | null;
  policeReasonNotMade: string | null;
  isPoliceHelpOffered: Generated<boolean>;
  crisisSupportStatus: string;
  isOccupationalHealthContacted: boolean;
  requiresAuthorityNotice: boolean;
  requiresWorkInjuryReport: boolean;
  status: Generated<'reported' | 'acknowledged' | 'investigating' | 'measures_decided' | 'closed'>;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// Injuries and sick leave are health data (GDPR art. 9); the free text may name anyone; a police
// report's reference concerns a suspected crime (art. 10).
export const incidentColumns = tagColumns<IncidentTable>('incidents', {
  id: 'internal',
  tenantId: 'internal',
  reporterPersonId: 'personal',
  registeredByPersonId: 'personal',
  unitId: 'internal',
  partyId: 'internal',
  siteId: 'internal',
  placeDescription: 'personal',
  kind: 'internal',
  types: 'internal',
  occurredAt: 'internal',
  isOutsideWorkingHours: 'internal',
  context: 'internal',
  channel: 'internal',
  description: 'sensitive',
  physicalInjury: 'sensitive',
  psychologicalInjury: 'sensitive',
  injuryNeedingCare: 'sensitive',
  sickLeaveDays: 'sensitive',
  propertyDamage: 'internal',
  death: 'sensitive',
  isReporterAffected: 'internal',
  otherAffectedCount: 'internal',
  isWeaponInvolved: 'internal',
  isThreatToLife: 'internal',
  isSerious: 'internal',
  policeReportStatus: 'internal',
  policeReportedBy: 'internal',
  policeReportedOn: 'internal',
  policeReferenceNumber: 'criminal_offence',
  policeReasonNotMade: 'sensitive',
  isPoliceHelpOffered: 'internal',
  crisisSupportStatus: 'sensitive',
  isOccupationalHealthContacted: 'sensitive',
  requiresAuthorityNotice: 'internal',
  requiresWorkInjuryReport: 'internal',
  status: 'internal',
  acknowledgedAt: 'internal',
  closedAt: 'internal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface IncidentPersonOfConcernTable {
  incidentId: string;
  tenantId: string;
  isKnown: boolean;
  relation: string;
  gangCrimeLink: 'unknown' | 'suspected' | 'confirmed';
  violentExtremismLink: 'unknown' | 'suspected' | 'confirmed';
  description: string;
}
export const incidentPersonOfConcernColumns = tagColumns<IncidentPersonOfConcernTable>('incident_persons_of_concern', {
  incidentId: 'internal',
  tenantId: 'internal',
  isKnown: 'criminal_offence',
  relation: 'criminal_offence',
  gangCrimeLink: 'criminal_offence',
  violentExtremismLink: 'criminal_offence',
  description: 'criminal_offence',
});

export interface IncidentEventTable {
  id: Generated<number>;
  tenantId: string;
  incidentId: string;
  occurredAt: Generated<Date>;
  actorPersonId: string | null;
  kind: IncidentEventKind;
  fromStatus: string | null;
  toStatus: string | null;
  text: Generated<string>;
  fields: Generated<string[]>;
  measureStatus: string | null;
}
export const incidentEventColumns = tagColumns<IncidentEventTable>('incident_events', {
  id: 'internal',
  tenantId: 'internal',
  incidentId: 'internal',
  occurredAt: 'internal',
  actorPersonId: 'personal',
  kind: 'internal',
  fromStatus: 'internal',
  toStatus: 'internal',
  text: 'sensitive',
  fields: 'internal',
  measureStatus: 'internal',
});

export interface IncidentInvestigationTable {
  incidentId: string;
  tenantId: string;
  causes: Generated<string>;
  courseAfter: Generated<string>;
  lessonsLearned: Generated<string>;
  authorityNotifiedOn: string | null;
  authorityNotifiedByPersonId: string | null;
  authorityNoticeReference: string | null;
  workInjuryReportedOn: string | null;
  workInjuryReportedByPersonId: string | null;
  workInjuryReportReference: string | null;
  updatedAt: Generated<Date>;
}
// The investigation's free text tells about people and their health; the notices' references are
// case numbers at the authorities, which lead to those people.
export const incidentInvestigationColumns = tagColumns<IncidentInvestigationTable>('incident_investigations', {
  incidentId: 'internal',
  tenantId: 'internal',
  causes: 'sensitive',
  courseAfter: 'sensitive',
  lessonsLearned: 'sensitive',
  authorityNotifiedOn: 'internal',
  authorityNotifiedByPersonId: 'personal',
  authorityNoticeReference: 'personal',
  workInjuryReportedOn: 'internal',
  workInjuryReportedByPersonId: 'personal',
  workInjuryReportReference: 'personal',
  updatedAt: 'internal',
});

export interface IncidentCorrectionTable {
  id: Generated<number>;
  tenantId: string;
  incidentId: string;
  field: CorrectableField;
  text: string;
  authorPersonId: string;
  createdAt: Generated<Date>;
}
export const incidentCorrectionColumns = tagColumns<IncidentCorrectionTable>('incident_corrections', {
  id: 'internal',
  tenantId: 'internal',
  incidentId: 'internal',
  field: 'internal',
  text: 'sensitive',
  authorPersonId: 'personal',
  createdAt: 'internal',
});

export interface IncidentAttachmentTable {
  id: string;
  tenantId: string;
  incidentId: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  uploadedByPersonId: string;
  createdAt: Generated<Date>;
}
// A file's name may name the person behind a threat ("hot från Anders.png"), and its hash can tell
// whether a known picture is stored: both sensitive.
export const incidentAttachmentColumns = tagColumns<IncidentAttachmentTable>('incident_attachments', {
  id: 'internal',
  tenantId: 'internal',
  incidentId: 'internal',
  fileName: 'sensitive',
  mediaType: 'internal',
  byteSize: 'internal',
  sha256: 'sensitive',
  uploadedByPersonId: 'personal',
  createdAt: 'internal',
});

export interface AttachmentContentTable {
  attachmentId: string;
  tenantId: string;
  /** AES-256-GCM ciphertext (platform/field-encryption.ts `encryptBytes`); pg gives a Buffer, PGlite a Uint8Array. */
  content: Uint8Array;
}
// Screenshots of threats, photos of injuries: special-category and offence data alike.
export const attachmentContentColumns = tagColumns<AttachmentContentTable>('attachment_contents', {
  attachmentId: 'internal',
  tenantId: 'internal',
  content: 'sensitive',
});

/** The statistics rollup (migration 0021): counts per unit, party, Stockholm month and kind. */
export interface IncidentStatisticsMonthTable {
  tenantId: string;
  unitId: string | null;
  partyId: string | null;
  /** The first day of the Stockholm month, 'YYYY-MM-01'. */
  month: string;
  kind: string;
  total: number;
  policeReportMade: number;
  gangCrimeLink: number;
  violentExtremismLink: number;
  acknowledged: number;
  contextDropIn: number;
  contextBookedVisit: number;
  contextOutreach: number;
  contextSchool: number;
  contextHomeVisit: number;
  contextPhone: number;
  contextDigitalChannel: number;
  contextPublicAppearance: number;
  contextMeeting: number;
  contextTravel: number;
  contextOther: number;
  typeThreat: number;
  typeViolence: number;
  typeHarassment: number;
  typePropertyDamage: number;
  typeOther: number;
}
// Counts only; the link counts derive from person-of-concern data (art. 10) and are shown through
// the same small-count protection as when counted from the incidents.
export const incidentStatisticsMonthColumns = tagColumns<IncidentStatisticsMonthTable>('incident_statistics_months', {
  tenantId: 'internal',
  unitId: 'internal',
  partyId: 'internal',
  month: 'internal',
  kind: 'internal',
  total: 'internal',
  policeReportMade: 'internal',
  gangCrimeLink: 'criminal_offence',
  violentExtremismLink: 'criminal_offence',
  acknowledged: 'internal',
  contextDropIn: 'internal',
  contextBookedVisit: 'internal',
  contextOutreach: 'internal',
  contextSchool: 'internal',
  contextHomeVisit: 'internal',
  contextPhone: 'internal',
  contextDigitalChannel: 'internal',
  contextPublicAppearance: 'internal',
  contextMeeting: 'internal',
  contextTravel: 'internal',
  contextOther: 'internal',
  typeThreat: 'internal',
  typeViolence: 'internal',
  typeHarassment: 'internal',
  typePropertyDamage: 'internal',
  typeOther: 'internal',
});

/** Acknowledged incidents per unit, party, month, kind and days to acknowledgement in tenths. */
export interface IncidentAcknowledgementDaysTable {
  tenantId: string;
  unitId: string | null;
  partyId: string | null;
  month: string;
  kind: string;
  tenths: number;
  count: number;
}
export const incidentAcknowledgementDaysColumns = tagColumns<IncidentAcknowledgementDaysTable>(
  'incident_acknowledgement_days',
  {
    tenantId: 'internal',
    unitId: 'internal',
    partyId: 'internal',
    month: 'internal',
    kind: 'internal',
    tenths: 'internal',
    count: 'internal',
  },
);
