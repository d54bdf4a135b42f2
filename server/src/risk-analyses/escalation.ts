import type { Role } from '@varn/domain';
import { findRoleHolders } from '../access/role-holders.ts';
import { notify } from '../notifications/notify.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';

export interface EscalationJob {
  tenantId: string;
  riskAnalysisId: string;
  /** The escalation the job watches: a later escalation of the same analysis has its own job. */
  escalatedAt: string;
}

/** The security department answers escalations; city-wide grants reach every analysis. */
const answering: readonly Role[] = ['security_department'];

/** Who hears of an escalation: everyone holding the security department's role in the tenant. */
export function findSecurityDepartment(db: Db, tenantId: string): Promise<string[]> {
  return findRoleHolders(db, tenantId, answering, {});
}

/**
 * Tells the security department of an escalation and queues, in the same transaction, the check that
 * fires when it is still unanswered after the configured hours.
 */
export async function escalateToSecurityDepartment(
  db: Db,
  jobs: JobQueue,
  job: EscalationJob,
  reminderHours: number,
  escalatingPersonId: string,
): Promise<void> {
  const recipients = await findSecurityDepartment(db, job.tenantId);
  await notify(
    db,
    jobs,
    job.tenantId,
    recipients.filter((personId) => personId !== escalatingPersonId),
    { kind: 'risk_analysis_escalated', riskAnalysisId: job.riskAnalysisId },
  );
  await jobs.enqueue(db, 'risk_analysis_escalation', job, {
    startAfter: new Date(Date.parse(job.escalatedAt) + reminderHours * 3_600_000),
  });
}

/**
 * When the check fires and the escalation still waits: the security department is reminded and the
 * duty officer (TiB, on call around the clock) is told, so that someone chases an answer before the
 * activity. It happens once per escalation: the reminder is marked in the same transaction.
 */
export async function remindIfUnanswered(db: Db, jobs: JobQueue, job: EscalationJob): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    const marked = await transaction
      .updateTable('riskAnalyses')
      .set({ escalationRemindedAt: new Date() })
      .where('tenantId', '=', job.tenantId)
      .where('id', '=', job.riskAnalysisId)
      .where('status', '=', 'escalated')
      .where('escalatedAt', '=', new Date(job.escalatedAt))
      .where('escalationRemindedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!marked) return;
    const recipients = await findRoleHolders(transaction, job.tenantId, [...answering, 'duty_officer'], {});
    await notify(transaction, jobs, job.tenantId, recipients, {
      kind: 'risk_analysis_escalation_unanswered',
      riskAnalysisId: job.riskAnalysisId,
    });
  });
}

/** Works the escalation queue in this app server. */
export function startEscalationWorker(db: Db, jobs: JobQueue): Promise<void> {
  return jobs.work<EscalationJob>('risk_analysis_escalation', (job) => remindIfUnanswered(db, jobs, job));
}
