import type { RoleGrantTable } from '../access/tables.ts';
import type { AuditEntryTable, AuditSealTable, AuditUnsealedTable } from '../audit/tables.ts';
import type { AccountTable, SessionTable } from '../auth/tables.ts';
import type {
  AttachmentContentTable,
  IncidentAttachmentTable,
  IncidentCorrectionTable,
  IncidentEventTable,
  IncidentInvestigationTable,
  IncidentPersonOfConcernTable,
  IncidentTable,
} from '../incidents/tables.ts';
import type { MeasureTable } from '../measures/tables.ts';
import type { NotificationTable } from '../notifications/tables.ts';
import type {
  BoardMembershipTable,
  OrgUnitTable,
  PartyTable,
  PersonTable,
  SiteTable,
  TenantTable,
} from '../organisation/tables.ts';
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
  measures: MeasureTable;
  incidentAttachments: IncidentAttachmentTable;
  attachmentContents: AttachmentContentTable;
  notifications: NotificationTable;
  trainingCourses: TrainingCourseTable;
  trainingOccasions: TrainingOccasionTable;
  trainingEnrolments: TrainingEnrolmentTable;
  trainingCompletions: TrainingCompletionTable;
  schemaMigrations: SchemaMigrationTable;
}
