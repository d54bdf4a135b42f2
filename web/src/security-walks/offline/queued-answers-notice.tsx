import { questionsOf, type SecurityWalk } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language.ts';
import { discardQueuedAnswer, type QueuedAnswer } from './answer-queue.ts';

/**
 * What of the walk is kept on this device: answers waiting for the network (announced politely as
 * the count changes), and any the server refused, with its reason and a way to drop them.
 */
export function QueuedAnswersNotice({ queued, walk }: { queued: readonly QueuedAnswer[]; walk: SecurityWalk }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const waiting = queued.filter((entry) => entry.state === 'waiting').length;
  const failed = queued.filter((entry) => entry.state === 'failed');
  const questionText = (key: string) =>
    questionsOf(walk.template).find((question) => question.key === key)?.text ?? key;
  return (
    <>
      <div role="status" className={waiting > 0 ? 'panel walk-offline' : 'visually-hidden'}>
        {waiting > 0 && <p>{t('securityWalks.offline.waiting', { count: waiting })}</p>}
      </div>
      {failed.length > 0 && (
        <section aria-labelledby="walk-offline-failed-title" className="panel walk-offline walk-offline--failed">
          <h2 id="walk-offline-failed-title">{t('securityWalks.offline.failedTitle', { count: failed.length })}</h2>
          <ul className="plain-list">
            {failed.map((entry) => (
              <li key={entry.key}>
                <p>
                  {questionText(entry.questionKey)}: {entry.problem?.message[language] ?? ''}
                </p>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void discardQueuedAnswer(entry.key)}
                >
                  {t('securityWalks.offline.discard', { question: questionText(entry.questionKey) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
