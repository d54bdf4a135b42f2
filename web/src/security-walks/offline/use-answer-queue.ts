import { useQueryClient } from '@tanstack/react-query';
import type { WalkAnswerState } from '@varn/domain';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  answerQueueSnapshot,
  loadAnswerQueue,
  type QueuedAnswer,
  sendQueuedAnswers,
  subscribeToAnswerQueue,
} from './answer-queue.ts';

/** As for queued incident reports: `navigator.onLine` can be true without a working network. */
const retryIntervalMs = 10_000;

/** The walk's answers kept on this device, and sending them whenever the network may be back. */
export function useWalkAnswerQueue(walkId: string) {
  const queryClient = useQueryClient();
  const all = useSyncExternalStore(subscribeToAnswerQueue, answerQueueSnapshot);
  const queued = useMemo(() => all.filter((entry) => entry.walkId === walkId), [all, walkId]);
  const isWaiting = queued.some((entry) => entry.state === 'waiting');

  useEffect(() => {
    const trySending = () => {
      if (!navigator.onLine) return;
      void sendQueuedAnswers().then((walks) => {
        // The walk, its site's open deviations and the overview all show the answers.
        if (walks.size > 0) void queryClient.invalidateQueries({ queryKey: ['security-walks'] });
      });
    };
    void loadAnswerQueue().then(trySending);
    window.addEventListener('online', trySending);
    const timer = isWaiting ? window.setInterval(trySending, retryIntervalMs) : undefined;
    return () => {
      window.removeEventListener('online', trySending);
      window.clearInterval(timer);
    };
  }, [isWaiting, queryClient]);

  return queued;
}

/** The walk as this device knows it: the server's answers with the ones still kept here on top. */
export function withQueuedAnswers<Walk extends { answers: readonly WalkAnswerState[] }>(
  walk: Walk,
  queued: readonly QueuedAnswer[],
): Walk {
  const answers = new Map(walk.answers.map((answer) => [answer.questionKey, answer]));
  for (const entry of queued) {
    if (!entry.answer) continue;
    const saved = answers.get(entry.questionKey);
    answers.set(entry.questionKey, {
      questionKey: entry.questionKey,
      result: entry.answer.result ?? null,
      number: entry.answer.number ?? null,
      note: entry.answer.note ?? '',
      measureId: saved?.measureId ?? null,
    });
  }
  return { ...walk, answers: [...answers.values()] };
}
