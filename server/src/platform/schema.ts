import type { RoleGrantTable } from '../access/tables.ts';
import type { AuditEntryTable, AuditSealTable, AuditUnsealedTable } from '../audit/tables.ts';
import type { AccountTable, SessionTable } from '../auth/tables.ts';
import type { DrillTable } from '../drills/tables.ts';
import type {
  AttachmentContentTable,
  IncidentAcknowledgementDaysTable,
  IncidentAttachmentTable,
  IncidentCorrectionTable,
  IncidentEventTable,
  IncidentInvestigationTable,
  IncidentPersonOfConcernTable,
  IncidentStatisticsMonthTable,
  IncidentTable,
} from '../incidents/tables.ts';
import type {
  MeasureEvidenceFileTable,
  MeasureReminderTable,
  MeasureStatusChangeTable,
  MeasureTable,
} from '../measures/tables.ts';
import type { NotificationTable } from '../notifications/tables.ts';
import type {
  BoardMembershipTable,
  OrgUnitTable,
  PartyTable,
  PersonTable,
  SiteProtectionProfileTable,
  SiteTable,
  TenantTable,
} from '../organisation/tables.ts';
import type {
  ProtectionConversationTable,
  ProtectionEnrolmentTable,
  ProtectionSupportTable,
} from '../protection-programme/tables.ts';
import type { RiskAnalysisHazardTable, RiskAnalysisTable } from '../risk-analyses/tables.ts';
import type {
  ChecklistTemplateTable,
  ChecklistTemplateVersionTable,
  SecurityWalkAnswerTable,
  SecurityWalkPhotoTable,
  SecurityWalkTable,
} from '../security-walks/tables.ts';
import type {
  ThreatAssessmentTable,
  ThreatCaseAccessTable,
  ThreatCaseConsultationTable,
  ThreatCaseIncidentTable,
  ThreatCasePersonOfConcernTable,
  ThreatCasePreIntakeAssessmentTable,
  ThreatCaseProtectedPersonTable,
  ThreatCaseTable,
} from '../threat-cases/tables.ts';
import type {
  TrainingCompletionTable,
  TrainingCourseTable,
  TrainingEnrolmentTable,
  TrainingOccasionTable,
} from '../training/tables.ts';
import type { IdempotencyKeyTable, SchemaMigrationTable } from './tables.ts';

/** Every table, as Kysely sees it (camelCase columns; the CamelCasePlugin maps to snake_case). */
export interface Database {
  tenants: TenantTable;
  orgUnits: OrgUnitTable;
  sites: SiteTable;
  siteProtectionProfiles: SiteProtectionProfileTable;
  parties: PartyTable;
  people: PersonTable;
  boardMemberships: BoardMembershipTable;
  roleGrants: RoleGrantTable;
  accounts: AccountTable;
  sessions: SessionTable;
  auditEntries: AuditEntryTable;
  auditSeals: AuditSealTable;
  auditUnsealed: AuditUnsealedTable;
  idempotencyKeys: IdempotencyKeyTable;
  incidents: IncidentTable;
  incidentPersonsOfConcern: IncidentPersonOfConcernTable;
  incidentEvents: IncidentEventTable;
  incidentInvestigations: IncidentInvestigationTable;
  incidentCorrections: IncidentCorrectionTable;
  incidentStatisticsMonths: IncidentStatisticsMonthTable;
  incidentAcknowledgementDays: IncidentAcknowledgementDaysTable;
  measures: MeasureTable;
  measureStatusChanges: MeasureStatusChangeTable;
  measureReminders: MeasureReminderTable;
  measureEvidenceFiles: MeasureEvidenceFileTable;
  incidentAttachments: IncidentAttachmentTable;
  attachmentContents: AttachmentContentTable;
  notifications: NotificationTable;
  threatCases: ThreatCaseTable;
  threatCaseProtectedPersons: ThreatCaseProtectedPersonTable;
  threatCasePersonsOfConcern: ThreatCasePersonOfConcernTable;
  threatCaseIncidents: ThreatCaseIncidentTable;
  threatAssessments: ThreatAssessmentTable;
  threatCaseConsultations: ThreatCaseConsultationTable;
  threatCaseAccess: ThreatCaseAccessTable;
  threatCasePreIntakeAssessments: ThreatCasePreIntakeAssessmentTable;
  riskAnalyses: RiskAnalysisTable;
  riskAnalysisHazards: RiskAnalysisHazardTable;
  checklistTemplates: ChecklistTemplateTable;
  checklistTemplateVersions: ChecklistTemplateVersionTable;
  securityWalks: SecurityWalkTable;
  securityWalkAnswers: SecurityWalkAnswerTable;
  securityWalkPhotos: SecurityWalkPhotoTable;
  protectionEnrolments: ProtectionEnrolmentTable;
  protectionConversations: ProtectionConversationTable;
  protectionSupport: ProtectionSupportTable;
  drills: DrillTable;
  trainingCourses: TrainingCourseTable;
  trainingOccasions: TrainingOccasionTable;
  trainingEnrolments: TrainingEnrolmentTable;
  trainingCompletions: TrainingCompletionTable;
  schemaMigrations: SchemaMigrationTable;
}
