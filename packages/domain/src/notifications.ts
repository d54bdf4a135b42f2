import { z } from 'zod';
import type { Role } from './roles.ts';
import { idSchema } from './text.ts';

export const notificationKinds = [
  'incident_reported',
  'incident_status_changed',
  'incident_unacknowledged',
  'incident_reported_on_behalf',
  // A risk analysis escalated to the security department, its reminder when unanswered, and the answer.
  'risk_analysis_escalated',
  'risk_analysis_escalation_unanswered',
  'risk_analysis_escalation_answered',
  // Reminders of things falling due: a threat case's review, a measure's due date (a week before and
  // the day after), a training completion's renewal, a protected official's security conversation.
  'threat_case_review_due',
  'measure_due_soon',
  'measure_overdue',
  'training_renewal_due',
  'protection_conversation_due',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * The kinds of record a notification can point at. A new kind needs a column in the notifications
 * table (see docs/decisions/2026-11-23-notification-subjects.md) and a page in the web app.
 */
export const notificationSubjectKinds = [
  'incident',
  'risk_analysis',
  'threat_case',
  'measure',
  'training_course',
  'protection_enrolment',
] as const;
export type NotificationSubjectKind = (typeof notificationSubjectKinds)[number];

export const notificationSubjectSchema = z.object({ kind: z.enum(notificationSubjectKinds), id: idSchema });
export type NotificationSubject = z.infer<typeof notificationSubjectSchema>;

/**
 * The web app's page of the record, used both by the e-mail and by the in-app list so that the two
 * always lead to the same place. What the reader may see there is decided when the page is opened.
 */
export function notificationSubjectPath(subject: NotificationSubject): string {
  const id = encodeURIComponent(subject.id);
  switch (subject.kind) {
    case 'incident':
      return `/handelser/${id}`;
    case 'risk_analysis':
      return `/riskanalyser/${id}`;
    case 'threat_case':
      return `/hotbild/${id}`;
    case 'measure':
      return `/atgarder/${id}`;
    case 'training_course':
      return `/utbildning/kurser/${id}`;
    case 'protection_enrolment':
      return `/skyddsprogram/${id}`;
  }
}

/**
 * Who is told of a new report, as roles; the server finds the people whose grant of that role
 * reaches the report (its unit's subtree, its party, or the whole tenant).
 * - A staff member's report: the unit's manager, the administration's security coordinator, and the
 *   area's safety representative (who reads it without the person of concern).
 * - An elected official's report: the party office's security contact and the security department.
 * - A serious event: the security department at once, whoever reported it.
 */
export function recipientRolesOfReport(report: { isByElectedOfficial: boolean; isSerious: boolean }): Role[] {
  const roles: Role[] = report.isByElectedOfficial
    ? ['party_security_contact', 'security_department']
    : ['manager', 'security_coordinator', 'safety_representative'];
  if (report.isSerious && !roles.includes('security_department')) roles.push('security_department');
  return roles;
}

/** The reporter is told when the report is acknowledged, when measures are decided and when it is closed. */
export const statusesToldToReporter = ['acknowledged', 'measures_decided', 'closed'] as const;

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(notificationKinds),
  /** The record the notification tells of, whose page it links to. */
  subject: notificationSubjectSchema,
  /** The subject's id when it is an incident or a risk analysis (kept for earlier clients), else null. */
  incidentId: idSchema.nullable(),
  riskAnalysisId: idSchema.nullable(),
  status: z.string().nullable(),
  isSerious: z.boolean(),
  createdAt: z.string(),
  isRead: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;
