import type { FactorRating, ThreatLevel } from '@varn/domain';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

/** A `date` column: read as 'YYYY-MM-DD' text (see platform/database.ts), written as such. */
type DateText = ColumnType<string, string, string>;

export interface ThreatCaseTable {
  id: Generated<string>;
  tenantId: string;
  unitId: string;
  title: string;
  protects: 'persons' | 'unit' | 'site' | 'official';
  siteId: string | null;
  officialPersonId: string | null;
  summary: string;
  currentLevel: ThreatLevel | null;
  assessmentCount: Generated<number>;
  nextReviewOn: DateText | null;
  reviewRemindedOn: DateText | null;
  createdByPersonId: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// The title and summary describe a threat against named people: sensitive. The official a case
// protects is personal; that a case exists about them is itself sensitive.
export const threatCaseColumns = tagColumns<ThreatCaseTable>('threat_cases', {
  id: 'internal',
  tenantId: 'internal',
  unitId: 'internal',
  title: 'sensitive',
  protects: 'internal',
  siteId: 'internal',
  officialPersonId: 'sensitive',
  summary: 'sensitive',
  currentLevel: 'sensitive',
  assessmentCount: 'internal',
  nextReviewOn: 'internal',
  reviewRemindedOn: 'internal',
  createdByPersonId: 'personal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface ThreatCaseProtectedPersonTable {
  id: Generated<string>;
  tenantId: string;
  caseId: string;
  position: number;
  name: string;
  description: string;
  /** AES-256-GCM ciphertext (platform/field-encryption.ts); never plaintext, never logged. */
  homeAddressEncrypted: string | null;
}
// A threatened person's name and home details: the most sensitive data of the system.
export const threatCaseProtectedPersonColumns = tagColumns<ThreatCaseProtectedPersonTable>(
  'threat_case_protected_persons',
  {
    id: 'internal',
    tenantId: 'internal',
    caseId: 'internal',
    position: 'internal',
    name: 'protected_address',
    description: 'protected_address',
    homeAddressEncrypted: 'protected_address',
  },
);

export interface ThreatCasePersonOfConcernTable {
  id: Generated<string>;
  tenantId: string;
  caseId: string;
  position: number;
  name: string | null;
  relation: string;
  gangCrimeLink: 'unknown' | 'suspected' | 'confirmed';
  violentExtremismLink: 'unknown' | 'suspected' | 'confirmed';
  description: string;
  homeAddressEncrypted: string | null;
}
export const threatCasePersonOfConcernColumns = tagColumns<ThreatCasePersonOfConcernTable>(
  'threat_case_persons_of_concern',
  {
    id: 'internal',
    tenantId: 'internal',
    caseId: 'internal',
    position: 'internal',
    name: 'criminal_offence',
    relation: 'criminal_offence',
    gangCrimeLink: 'criminal_offence',
    violentExtremismLink: 'criminal_offence',
    description: 'criminal_offence',
    homeAddressEncrypted: 'protected_address',
  },
);

export interface ThreatCaseIncidentTable {
  caseId: string;
  incidentId: string;
  tenantId: string;
}
export const threatCaseIncidentColumns = tagColumns<ThreatCaseIncidentTable>('threat_case_incidents', {
  caseId: 'internal',
  incidentId: 'internal',
  tenantId: 'internal',
});

export interface StoredRating {
  factorId: string;
  rating: FactorRating;
  note: string;
}

export interface ThreatAssessmentTable {
  id: Generated<string>;
  tenantId: string;
  caseId: string;
  version: number;
  templateVersion: number;
  ratings: JSONColumnType<StoredRating[], string, string>;
  suggestedLevel: ThreatLevel;
  level: ThreatLevel;
  justification: string;
  recommendedMeasures: string;
  nextReviewOn: DateText | null;
  assessedByPersonId: string;
  assessedAt: Generated<Date>;
}
// Ratings and notes judge a person of concern's intent, violence and situation (art. 10, art. 9).
export const threatAssessmentColumns = tagColumns<ThreatAssessmentTable>('threat_assessments', {
  id: 'internal',
  tenantId: 'internal',
  caseId: 'internal',
  version: 'internal',
  templateVersion: 'internal',
  ratings: 'criminal_offence',
  suggestedLevel: 'sensitive',
  level: 'sensitive',
  justification: 'criminal_offence',
  recommendedMeasures: 'sensitive',
  nextReviewOn: 'internal',
  assessedByPersonId: 'personal',
  assessedAt: 'internal',
});

export interface ThreatCaseConsultationTable {
  id: Generated<string>;
  tenantId: string;
  caseId: string;
  party: 'referring_district' | 'bops' | 'police' | 'occupational_health' | 'other';
  consultedOn: DateText;
  outcome: string;
  recordedByPersonId: string;
  recordedAt: Generated<Date>;
}
export const threatCaseConsultationColumns = tagColumns<ThreatCaseConsultationTable>('threat_case_consultations', {
  id: 'internal',
  tenantId: 'internal',
  caseId: 'internal',
  party: 'internal',
  consultedOn: 'internal',
  outcome: 'criminal_offence',
  recordedByPersonId: 'personal',
  recordedAt: 'internal',
});

export interface ThreatCaseAccessTable {
  caseId: string;
  personId: string;
  tenantId: string;
  reason: string;
  addedByPersonId: string | null;
  addedAt: Generated<Date>;
}
export const threatCaseAccessColumns = tagColumns<ThreatCaseAccessTable>('threat_case_access', {
  caseId: 'internal',
  personId: 'personal',
  tenantId: 'internal',
  reason: 'sensitive',
  addedByPersonId: 'personal',
  addedAt: 'internal',
});

export interface ThreatCasePreIntakeAssessmentTable {
  id: Generated<string>;
  tenantId: string;
  caseId: string;
  referringDistrictDialogueOn: DateText | null;
  referringDistrictOutcome: string;
  bopsDialogueOn: DateText | null;
  bopsOutcome: string;
  decision: 'take_in' | 'take_in_with_arrangements' | 'postpone' | 'decline';
  safetyArrangements: string;
  decidedByPersonId: string;
  decidedAt: Generated<Date>;
}
// The outcomes of the dialogues concern the individual's links to crime (art. 10).
export const threatCasePreIntakeAssessmentColumns = tagColumns<ThreatCasePreIntakeAssessmentTable>(
  'threat_case_pre_intake_assessments',
  {
    id: 'internal',
    tenantId: 'internal',
    caseId: 'internal',
    referringDistrictDialogueOn: 'internal',
    referringDistrictOutcome: 'criminal_offence',
    bopsDialogueOn: 'internal',
    bopsOutcome: 'criminal_offence',
    decision: 'sensitive',
    safetyArrangements: 'sensitive',
    decidedByPersonId: 'personal',
    decidedAt: 'internal',
  },
);
