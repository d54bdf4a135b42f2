import type { NotificationKind } from '@varn/domain';
import nodemailer from 'nodemailer';
import type { Config } from '../platform/config.ts';
import type { JobQueue } from '../platform/jobs.ts';

export interface EmailJob {
  /** Every job names its tenant: an administrator sees only the jobs of their own. */
  tenantId: string;
  to: string;
  kind: NotificationKind;
  incidentId: string | null;
  /** Left out by jobs queued before risk analyses had notifications. */
  riskAnalysisId?: string | null;
  status: string | null;
  isSerious: boolean;
}

const subjects: Record<NotificationKind, (job: EmailJob) => string> = {
  incident_reported: (job) =>
    job.isSerious ? 'Allvarlig händelse rapporterad i Värn' : 'Ny händelse rapporterad i Värn',
  incident_status_changed: () => 'Din rapport i Värn har uppdaterats',
  incident_unacknowledged: () => 'Påminnelse: en rapport i Värn väntar på kvittering',
  incident_reported_on_behalf: () => 'En händelse har rapporterats för din räkning i Värn',
  risk_analysis_escalated: () => 'En riskanalys i Värn har eskalerats till säkerhetsavdelningen',
  risk_analysis_escalation_unanswered: () => 'Påminnelse: en eskalerad riskanalys i Värn väntar på svar',
  risk_analysis_escalation_answered: () => 'Säkerhetsavdelningen har svarat på en riskanalys i Värn',
};

/**
 * The e-mail names no person and tells nothing of what happened: mail leaves the city's control,
 * so it only says that something waits in Värn, behind sign-in and authorization.
 */
export function emailMessage(job: EmailJob, config: Config) {
  const link = job.riskAnalysisId
    ? `${config.publicUrl}/riskanalyser/${job.riskAnalysisId}`
    : `${config.publicUrl}/handelser/${job.incidentId}`;
  return {
    from: config.mail.from,
    to: job.to,
    subject: subjects[job.kind](job),
    text: `Hej!\n\nDet finns något nytt för dig i Värn. Logga in för att läsa:\n${link}\n\nDetta meddelande skickas automatiskt.`,
  };
}

/** Works the e-mail queue: a failed send throws, and the queue retries it with back-off. */
export async function startEmailWorker(jobs: JobQueue, config: Config): Promise<void> {
  if (!config.mail.smtpUrl) return;
  const transport = nodemailer.createTransport(config.mail.smtpUrl);
  await jobs.work<EmailJob>('email', async (job) => {
    await transport.sendMail(emailMessage(job, config));
  });
}
