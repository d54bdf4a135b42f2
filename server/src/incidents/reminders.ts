import { acknowledgementReminderAt } from '@varn/domain';
import { findRoleHolders } from '../access/role-holders.ts';
import { notify } from '../notifications/notify.ts';
import type { Db } from '../platform/database.ts';
import { isSwedishDayOff } from '../platform/days-off.ts';
import type { JobQueue } from '../platform/jobs.ts';

export interface ReminderJob {
  tenantId: string;
  incidentId: string;
}

/** Queues, in the report's transaction, the reminder that fires if nobody acknowledges it in time. */
export async function scheduleAcknowledgementReminder(
  db: Db,
  jobs: JobQueue,
  job: ReminderJob,
  workingDays: number,
): Promise<void> {
  await jobs.enqueue(db, 'incident_reminder', job, {
    startAfter: acknowledgementReminderAt(new Date(), workingDays, isSwedishDayOff),
  });
}

/** When the reminder fires: if the report still waits for acknowledgement, its managers are told. */
export async function remindIfUnacknowledged(db: Db, jobs: JobQueue, job: ReminderJob): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    const incident = await transaction
      .selectFrom('incidents as incident')
      .leftJoin('orgUnits as unit', 'unit.id', 'incident.unitId')
      .select(['incident.status', 'incident.partyId', 'incident.reporterPersonId', 'unit.path'])
      .where('incident.tenantId', '=', job.tenantId)
      .where('incident.id', '=', job.incidentId)
      .executeTakeFirst();
    if (incident?.status !== 'reported') return;
    const roles = incident.partyId ? (['party_security_contact'] as const) : (['manager'] as const);
    const managers = await findRoleHolders(transaction, job.tenantId, roles, {
      orgUnitPath: incident.path,
      partyId: incident.partyId,
    });
    await notify(
      transaction,
      jobs,
      job.tenantId,
      managers.filter((personId) => personId !== incident.reporterPersonId),
      // One reminder per report, however often the job runs.
      {
        kind: 'incident_unacknowledged',
        incidentId: job.incidentId,
        eventKey: `incident_unacknowledged:${job.incidentId}`,
      },
    );
  });
}

/** Works the reminder queue in this app server. */
export function startReminderWorker(db: Db, jobs: JobQueue): Promise<void> {
  return jobs.work<ReminderJob>('incident_reminder', (job) => remindIfUnacknowledged(db, jobs, job));
}
