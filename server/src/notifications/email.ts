import { type NotificationKind, type NotificationSubject, notificationSubjectPath } from '@varn/domain';
import nodemailer from 'nodemailer';
import type { Config } from '../platform/config.ts';
import type { JobQueue } from '../platform/jobs.ts';

export interface EmailJob {
  /** Every job names its tenant: an administrator sees only the jobs of their own. */
  tenantId: string;
  to: string;
  kind: NotificationKind;
  /** Left out by jobs queued before notifications could point at any record (they name one of the two below). */
  subject?: NotificationSubject;
  incidentId?: string | null;
  riskAnalysisId?: string | null;
  status: string | null;
  isSerious: boolean;
}

type Text = { sv: string; en: string };

/** What the mail says happened, in Swedish (also its subject line) and English: the kind of event, never its content. */
const texts: Record<NotificationKind, (job: EmailJob) => Text> = {
  incident_reported: (job) =>
    job.isSerious
      ? { sv: 'Allvarlig händelse rapporterad i Värn', en: 'A serious incident has been reported in Värn' }
      : { sv: 'Ny händelse rapporterad i Värn', en: 'A new incident has been reported in Värn' },
  incident_status_changed: () => ({
    sv: 'Din rapport i Värn har uppdaterats',
    en: 'Your report in Värn has been updated',
  }),
  incident_unacknowledged: () => ({
    sv: 'Påminnelse: en rapport i Värn väntar på kvittering',
    en: 'Reminder: a report in Värn awaits acknowledgement',
  }),
  incident_reported_on_behalf: () => ({
    sv: 'En händelse har rapporterats för din räkning i Värn',
    en: 'An incident has been reported on your behalf in Värn',
  }),
  risk_analysis_escalated: () => ({
    sv: 'En riskanalys i Värn har eskalerats till säkerhetsavdelningen',
    en: 'A risk analysis in Värn has been escalated to the security department',
  }),
  risk_analysis_escalation_unanswered: () => ({
    sv: 'Påminnelse: en eskalerad riskanalys i Värn väntar på svar',
    en: 'Reminder: an escalated risk analysis in Värn awaits an answer',
  }),
  risk_analysis_escalation_answered: () => ({
    sv: 'Säkerhetsavdelningen har svarat på en riskanalys i Värn',
    en: 'The security department has answered a risk analysis in Värn',
  }),
  threat_case_review_due: () => ({
    sv: 'Påminnelse: ett hotbildsärende i Värn ska omprövas',
    en: 'Reminder: a threat case in Värn is due for review',
  }),
  measure_due_soon: () => ({
    sv: 'Påminnelse: en åtgärd i Värn ska vara klar inom en vecka',
    en: 'Reminder: a measure in Värn is due within a week',
  }),
  measure_overdue: () => ({
    sv: 'Påminnelse: en åtgärd i Värn har passerat sitt slutdatum',
    en: 'Reminder: a measure in Värn is past its due date',
  }),
  training_renewal_due: () => ({
    sv: 'Påminnelse: en utbildning i Värn behöver förnyas',
    en: 'Reminder: a training in Värn needs renewing',
  }),
  protection_conversation_due: () => ({
    sv: 'Påminnelse: ett säkerhetssamtal ska erbjudas enligt Värn',
    en: 'Reminder: a security conversation is due to be offered, according to Värn',
  }),
};

function subjectOfJob(job: EmailJob): NotificationSubject {
  if (job.subject) return job.subject;
  return job.riskAnalysisId
    ? { kind: 'risk_analysis', id: job.riskAnalysisId }
    : { kind: 'incident', id: job.incidentId as string };
}

/**
 * The e-mail names no person, no record's title and tells nothing of what happened: mail leaves the
 * city's control, so it only says what kind of thing waits in Värn, behind sign-in and authorization.
 */
export function emailMessage(job: EmailJob, config: Config) {
  const link = `${config.publicUrl}${notificationSubjectPath(subjectOfJob(job))}`;
  const text = texts[job.kind](job);
  return {
    from: config.mail.from,
    to: job.to,
    subject: text.sv,
    text: [
      `Hej!\n\n${text.sv}. Logga in för att läsa:\n${link}`,
      `Hello! ${text.en}. Sign in to read:\n${link}`,
      'Detta meddelande skickas automatiskt. / This message is sent automatically.',
    ].join('\n\n'),
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
