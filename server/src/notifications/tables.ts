import type { NotificationKind, NotificationSubject, NotificationSubjectKind } from '@varn/domain';
import type { Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface NotificationTable {
  id: Generated<string>;
  tenantId: string;
  recipientPersonId: string;
  kind: NotificationKind;
  // The subject: exactly one of these is set (a check in migration 0018).
  incidentId: Generated<string | null>;
  riskAnalysisId: Generated<string | null>;
  threatCaseId: Generated<string | null>;
  measureId: Generated<string | null>;
  trainingCourseId: Generated<string | null>;
  protectionEnrolmentId: Generated<string | null>;
  status: string | null;
  isSerious: Generated<boolean>;
  /** Names the event a reminder tells of; unique per recipient, so a reminder is written once. */
  eventKey: Generated<string | null>;
  createdAt: Generated<Date>;
  readAt: Date | null;
}
// A notification names its record only; what the recipient may read of it is decided on opening.
export const notificationColumns = tagColumns<NotificationTable>('notifications', {
  id: 'internal',
  tenantId: 'internal',
  recipientPersonId: 'internal',
  kind: 'internal',
  incidentId: 'internal',
  riskAnalysisId: 'internal',
  threatCaseId: 'internal',
  measureId: 'internal',
  trainingCourseId: 'internal',
  protectionEnrolmentId: 'internal',
  status: 'internal',
  isSerious: 'internal',
  // ids and dates only, e.g. "measure_overdue:<measure id>:2026-12-01"
  eventKey: 'internal',
  createdAt: 'internal',
  readAt: 'internal',
});

/** The column that holds the subject of each kind. */
export const subjectColumns = {
  incident: 'incidentId',
  risk_analysis: 'riskAnalysisId',
  threat_case: 'threatCaseId',
  measure: 'measureId',
  training_course: 'trainingCourseId',
  protection_enrolment: 'protectionEnrolmentId',
} as const satisfies Record<NotificationSubjectKind, keyof NotificationTable>;
export const subjectColumnNames = Object.values(subjectColumns);

type SubjectColumnValues = { [Column in (typeof subjectColumns)[NotificationSubjectKind]]: string | null };

/** The row's values of the subject columns: the subject's id in its own column, null in the others. */
export function subjectColumnValues(subject: NotificationSubject): SubjectColumnValues {
  const values = Object.fromEntries(subjectColumnNames.map((column) => [column, null])) as SubjectColumnValues;
  values[subjectColumns[subject.kind]] = subject.id;
  return values;
}

/** The subject of a row read with all subject columns. */
export function subjectOfRow(row: SubjectColumnValues): NotificationSubject {
  for (const [kind, column] of Object.entries(subjectColumns)) {
    const id = row[column];
    if (id) return { kind: kind as NotificationSubjectKind, id };
  }
  throw new Error('a notification without a subject');
}
