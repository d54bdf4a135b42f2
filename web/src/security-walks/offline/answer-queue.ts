import type { Problem, WalkAnswer } from '@varn/domain';
import { securityWalkSchema, walkPhotoSchema } from '@varn/domain';
import { createStore, del, get, set, values } from 'idb-keyval';
import { apiRequest } from '../../shared/api/api-client.ts';
import { isProblemError } from '../../shared/api/problem-error.ts';

/**
 * An answer (and its photo) saved on this device while the network was away, e.g. in a basement,
 * kept until the server has it. One entry per question of a walk: saving the question again
 * replaces the entry, so the latest answer is what is sent. Sending is safe to repeat: the server
 * saves an answer by question (an upsert) and a photo replaces the question's photo, so an
 * interrupted send that is tried again stores each answer once.
 */
export type QueuedAnswer = {
  key: string;
  walkId: string;
  questionKey: string;
  answer: WalkAnswer | null;
  photo: File | null;
  queuedAt: string;
  /** waiting: sent when there is network; failed: the server refused it (e.g. the walk was finished). */
  state: 'waiting' | 'failed';
  problem: Problem | null;
};

// A database of its own: idb-keyval keeps one object store per database.
const store = createStore('varn-offline-walks', 'answer-queue');
let queued: readonly QueuedAnswer[] = [];
const listeners = new Set<() => void>();
let isSending = false;

function publish(next: readonly QueuedAnswer[]) {
  queued = next;
  for (const listener of listeners) listener();
}

export function subscribeToAnswerQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function answerQueueSnapshot(): readonly QueuedAnswer[] {
  return queued;
}

export async function loadAnswerQueue(): Promise<void> {
  const all = await values<QueuedAnswer>(store);
  publish(all.sort((first, second) => first.queuedAt.localeCompare(second.queuedAt)));
}

/** Keeps the answer and/or photo on the device; a photo chosen earlier stays unless a new one is given. */
export async function queueAnswer(walkId: string, questionKey: string, answer: WalkAnswer | null, photo: File | null) {
  const key = `${walkId}:${questionKey}`;
  const earlier = await get<QueuedAnswer>(key, store);
  await set(
    key,
    {
      key,
      walkId,
      questionKey,
      answer: answer ?? earlier?.answer ?? null,
      photo: photo ?? earlier?.photo ?? null,
      queuedAt: new Date().toISOString(),
      state: 'waiting',
      problem: null,
    } satisfies QueuedAnswer,
    store,
  );
  await loadAnswerQueue();
}

export async function discardQueuedAnswer(key: string): Promise<void> {
  await del(key, store);
  await loadAnswerQueue();
}

/** Network down, server overloaded or failing, session ended: the same request may work later. */
function isTransient(error: unknown): boolean {
  if (!isProblemError(error)) return true;
  return error.status === 0 || error.status === 401 || error.status === 429 || error.status >= 500;
}

async function send(entry: QueuedAnswer): Promise<void> {
  const address = `/api/security-walks/${encodeURIComponent(entry.walkId)}`;
  if (entry.answer) {
    await apiRequest(`${address}/answers`, {
      method: 'PATCH',
      body: { answers: [entry.answer] },
      schema: securityWalkSchema,
    });
  }
  if (entry.photo) {
    const form = new FormData();
    form.append('files', entry.photo, entry.photo.name);
    await apiRequest(`${address}/answers/${encodeURIComponent(entry.questionKey)}/photo`, {
      method: 'PUT',
      body: form,
      schema: walkPhotoSchema,
    });
  }
}

/**
 * Sends the waiting entries, oldest first, until one fails for a reason that may pass (then the
 * rest wait for the next try). An entry the server refuses is kept as failed, with the reason.
 * Returns the walks that got answers, for their pages to be fetched again.
 */
export async function sendQueuedAnswers(): Promise<Set<string>> {
  const changedWalks = new Set<string>();
  if (isSending) return changedWalks;
  isSending = true;
  try {
    await loadAnswerQueue();
    for (const entry of queued.filter((candidate) => candidate.state === 'waiting')) {
      try {
        await send(entry);
        changedWalks.add(entry.walkId);
        // Saved again while this was sent: the newer entry waits for its own turn.
        const current = await get<QueuedAnswer>(entry.key, store);
        if (current?.queuedAt === entry.queuedAt) await del(entry.key, store);
      } catch (error) {
        if (isTransient(error)) break;
        const problem = isProblemError(error) ? error.problem : null;
        await set(entry.key, { ...entry, state: 'failed', problem } satisfies QueuedAnswer, store);
      }
    }
  } finally {
    isSending = false;
    await loadAnswerQueue();
  }
  return changedWalks;
}
