import type { Incident, IncidentReport, Problem } from '@varn/domain';
import { isProblemError } from '../../shared/api/problem-error.ts';
import { addAttachment } from '../api/add-attachments.ts';
import { reportIncident } from '../api/report-incident.ts';
import type { ReportValues } from '../report-values.ts';
import { readAllStored, readStored, removeStored, writeStored } from './report-queue-storage.ts';

/**
 * A report written without network, kept on this device until the server has it. The key is the
 * report's Idempotency-Key, made once and sent with every attempt: the server files it once however
 * often it arrives.
 */
export type QueuedReport = {
  idempotencyKey: string;
  /** The person who wrote it: only they see it and only their session sends it. */
  personId: string;
  report: IncidentReport;
  /** The form's values, so that a refused report can go back into the form to be corrected. */
  values: ReportValues;
  /** Photos and screenshots chosen with it: IndexedDB keeps the files themselves until they are sent. */
  files?: readonly File[];
  queuedAt: string;
  /** waiting: sent when there is network; needsSignIn: the session ended; failed: the server refused it. */
  state: 'waiting' | 'needsSignIn' | 'failed';
  problem: Problem | null;
};

/** A queued report the server has filed in this tab's lifetime: the link to it replaces the report. */
export type SentReport = {
  idempotencyKey: string;
  personId: string;
  incident: Incident;
  /** Attachments the server refused (type, size): the report is filed, these must be added again. */
  failedFileNames: string[];
};

export type ReportQueueSnapshot = {
  queued: readonly QueuedReport[];
  /** Keys being sent right now, by this tab. */
  sending: ReadonlySet<string>;
  sent: readonly SentReport[];
};

const lockName = 'varn-report-queue';

let snapshot: ReportQueueSnapshot = { queued: [], sending: new Set(), sent: [] };
const listeners = new Set<() => void>();
// Other tabs of the app say when they changed the queue; this tab reads it again.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(lockName);
if (channel) channel.onmessage = () => void loadQueue();

function update(change: Partial<ReportQueueSnapshot>) {
  snapshot = { ...snapshot, ...change };
  for (const listener of listeners) listener();
}

export function subscribeToReportQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportQueueSnapshot(): ReportQueueSnapshot {
  return snapshot;
}

/** Reads the queue from IndexedDB into the snapshot (at start, and when another tab changed it). */
export async function loadQueue(): Promise<void> {
  update({ queued: await readAllStored() });
}

async function changed(): Promise<void> {
  await loadQueue();
  channel?.postMessage('changed');
}

export async function queueReport(report: Omit<QueuedReport, 'state' | 'problem' | 'queuedAt'>): Promise<void> {
  await writeStored({ ...report, queuedAt: new Date().toISOString(), state: 'waiting', problem: null });
  await changed();
}

export async function removeQueuedReport(idempotencyKey: string): Promise<void> {
  await removeStored(idempotencyKey);
  await changed();
}

async function saveState(report: QueuedReport, state: QueuedReport['state'], problem: Problem | null) {
  await writeStored({ ...report, state, problem });
}

/** What sending one report led to: go on with the next, or stop until the next trigger. */
type Outcome = 'next' | 'stop';

/** Network down, server overloaded or failing: the same request may well work later. */
function isTransient(problem: Problem): boolean {
  return problem.status === 0 || problem.status === 429 || problem.status >= 500;
}

/**
 * Uploads the report's files, each under a key derived from the report's: after an interruption the
 * whole send is repeated and the server replays what it already has, so no file is stored twice.
 * A file the server refuses is named, not retried; anything transient is thrown to retry later.
 */
async function uploadQueuedFiles(incident: Incident, report: QueuedReport): Promise<string[]> {
  const failedFileNames: string[] = [];
  for (const [index, file] of (report.files ?? []).entries()) {
    try {
      await addAttachment(incident.id, file, `${report.idempotencyKey}:attachment:${index}`);
    } catch (error) {
      if (!isProblemError(error) || isTransient(error.problem) || error.status === 401) throw error;
      failedFileNames.push(file.name);
    }
  }
  return failedFileNames;
}

async function sendOne(report: QueuedReport, handlers: SendHandlers): Promise<Outcome> {
  update({ sending: new Set([...snapshot.sending, report.idempotencyKey]) });
  try {
    const incident = await reportIncident(report.report, report.idempotencyKey);
    const failedFileNames = await uploadQueuedFiles(incident, report);
    await removeStored(report.idempotencyKey);
    const sent = { idempotencyKey: report.idempotencyKey, personId: report.personId, incident, failedFileNames };
    update({ sent: [...snapshot.sent, sent] });
    handlers.onSent(incident);
    return 'next';
  } catch (error) {
    // An answer that is not what the API promises: keep the report and try again later; the key makes
    // a repeat harmless.
    if (!isProblemError(error)) return 'stop';
    if (isTransient(error.problem)) {
      if (report.state !== 'waiting') await saveState(report, 'waiting', null);
      return 'stop';
    }
    if (error.status === 401) {
      await saveState(report, 'needsSignIn', null);
      handlers.onSessionEnded();
      return 'stop';
    }
    // Refused (invalid, no longer allowed, key reused with another body): the person decides.
    await saveState(report, 'failed', error.problem);
    return 'next';
  } finally {
    const sending = new Set(snapshot.sending);
    sending.delete(report.idempotencyKey);
    update({ sending });
  }
}

export type SendHandlers = {
  onSent(incident: Incident): void;
  /** The server answered 401: the person must sign in again before their reports can go. */
  onSessionEnded(): void;
};

let isSendingInThisTab = false;

/**
 * Sends the person's waiting reports, oldest first. One sender at a time across all tabs (a Web Lock;
 * a tab that finds it taken leaves the work to the holder). A duplicate would be harmless anyway:
 * the server answers a repeated key with the report it already filed.
 */
export async function sendQueuedReports(personId: string, handlers: SendHandlers): Promise<void> {
  if (isSendingInThisTab) return;
  isSendingInThisTab = true;
  try {
    const send = async () => {
      // Read again inside the lock: another tab may have sent some while this one waited.
      for (const queued of await readAllStored()) {
        const current = await readStored(queued.idempotencyKey);
        if (!current || current.personId !== personId || current.state === 'failed') continue;
        if ((await sendOne(current, handlers)) === 'stop') break;
      }
    };
    if ('locks' in navigator) {
      await navigator.locks.request(lockName, { ifAvailable: true }, async (lock) => {
        if (lock) await send();
      });
    } else {
      await send();
    }
  } finally {
    isSendingInThisTab = false;
    await changed();
  }
}

/** The person's own queued and sent reports; another account on the same device sees none of them. */
export function reportsOf(current: ReportQueueSnapshot, personId: string) {
  return {
    queued: current.queued.filter((report) => report.personId === personId),
    sent: current.sent.filter((report) => report.personId === personId),
    sending: current.sending,
  };
}
