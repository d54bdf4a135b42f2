import { createStore, del, get, set, values } from 'idb-keyval';
import { type Sealed, seal, sealBytes, unseal, unsealBytes } from './device-key.ts';
import type { QueuedReport } from './report-queue.ts';

// Where the report queue (report-queue.ts) lives on the device: IndexedDB, one record per report,
// sealed under the device key. The queue itself only ever sees opened reports.

/**
 * A queued report as IndexedDB holds it: in clear only what finds and orders it (whose, when, its
 * state); the report, the form's values, the server's answer and the files sealed under the device
 * key, each bound to this report and person.
 */
type StoredReport = Pick<QueuedReport, 'idempotencyKey' | 'personId' | 'queuedAt' | 'state'> & {
  sealed: Sealed;
  files: Sealed[];
};
type SealedPart = Pick<QueuedReport, 'report' | 'values' | 'problem'> & {
  files: { name: string; type: string; lastModified: number }[];
};
/** Written by a version of the app from before the queue was encrypted: sealed when next read. */
type UnsealedReport = QueuedReport & { sealed?: undefined };

const store = createStore('varn-offline', 'report-queue');

const contextOf = (report: Pick<QueuedReport, 'idempotencyKey' | 'personId'>) =>
  `report-queue|${report.idempotencyKey}|${report.personId}`;

async function toStored(report: QueuedReport): Promise<StoredReport> {
  const context = contextOf(report);
  const files = report.files ?? [];
  const part: SealedPart = {
    report: report.report,
    values: report.values,
    problem: report.problem,
    files: files.map(({ name, type, lastModified }) => ({ name, type, lastModified })),
  };
  return {
    idempotencyKey: report.idempotencyKey,
    personId: report.personId,
    queuedAt: report.queuedAt,
    state: report.state,
    sealed: await seal(part, context),
    files: await Promise.all(
      files.map(async (file, index) => sealBytes(await file.arrayBuffer(), `${context}|file|${index}`)),
    ),
  };
}

async function fromStored(stored: StoredReport): Promise<QueuedReport> {
  const context = contextOf(stored);
  const part = await unseal<SealedPart>(stored.sealed, context);
  const files = await Promise.all(
    part.files.map(async ({ name, type, lastModified }, index) => {
      const content = await unsealBytes(stored.files[index] as Sealed, `${context}|file|${index}`);
      return new File([content], name, { type, lastModified });
    }),
  );
  const { idempotencyKey, personId, queuedAt, state } = stored;
  return {
    idempotencyKey,
    personId,
    queuedAt,
    state,
    report: part.report,
    values: part.values,
    problem: part.problem,
    files,
  };
}

export async function writeStored(report: QueuedReport): Promise<void> {
  await set(report.idempotencyKey, await toStored(report), store);
}

/** A stored report opened; null if it cannot be (its key is gone: the device's storage was cleared in part). */
async function opened(stored: StoredReport | UnsealedReport): Promise<QueuedReport | null> {
  if (!stored.sealed) {
    await writeStored(stored);
    return stored;
  }
  try {
    return await fromStored(stored);
  } catch {
    return null;
  }
}

export async function readAllStored(): Promise<QueuedReport[]> {
  const all = await Promise.all((await values<StoredReport | UnsealedReport>(store)).map(opened));
  return all.filter((report) => report !== null).sort((first, second) => first.queuedAt.localeCompare(second.queuedAt));
}

export async function readStored(idempotencyKey: string): Promise<QueuedReport | null> {
  const stored = await get<StoredReport | UnsealedReport>(idempotencyKey, store);
  return stored ? opened(stored) : null;
}

export async function removeStored(idempotencyKey: string): Promise<void> {
  await del(idempotencyKey, store);
}
