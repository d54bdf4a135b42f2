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
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

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
  /** What the notification tells of: an incident, or a risk analysis. */
  incidentId: idSchema.nullable(),
  riskAnalysisId: idSchema.nullable(),
  status: z.string().nullable(),
  isSerious: z.boolean(),
  createdAt: z.string(),
  isRead: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;
