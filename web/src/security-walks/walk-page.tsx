import { finishWalkInputSchema, type SecurityWalk } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useFinishSecurityWalk, useSecurityWalk, walkPhotoUrl } from './api/security-walks.ts';
import { DeviationsSection } from './deviations-section.tsx';
import { QueuedAnswersNotice } from './offline/queued-answers-notice.tsx';
import { useWalkAnswerQueue, withQueuedAnswers } from './offline/use-answer-queue.ts';
import { type QuestionEntry, QuestionStep } from './question-step.tsx';
import './security-walks.css';

function entriesOf(walk: SecurityWalk): QuestionEntry[] {
  return walk.template.sections.flatMap((section) =>
    section.questions.map((question) => ({ sectionTitle: section.title, question })),
  );
}

/** One security walk: answered question by question while in progress, then summed up and finished. */
export function WalkPage() {
  const { t } = useTranslation();
  const { walkId = '' } = useParams();
  const walk = useSecurityWalk(walkId);
  const queued = useWalkAnswerQueue(walkId);
  const canWalk = useHasPermission('security_walks.manage');
  const [step, setStep] = useState(0);
  const [hasMoved, setHasMoved] = useState(false);

  if (walk.isPending) return <Loading />;
  if (walk.isError) return <ProblemAlert error={walk.error} />;
  // Answers kept on this device show as answered; deviations become measures once the server has them.
  const data = withQueuedAnswers(walk.data, queued);
  const entries = entriesOf(data);
  const isAnswering = data.status === 'in_progress' && canWalk;
  const moveTo = (next: number) => {
    setHasMoved(true);
    setStep(Math.max(0, Math.min(next, entries.length)));
  };
  const entry = entries[step];

  return (
    <>
      <p className="back-link">
        <Link to={paths.siteSecurityWalks(data.siteId)}>
          {t('securityWalks.walk.backToSite', { name: data.siteName })}
        </Link>
      </p>
      <PageHeader
        title={t('securityWalks.walk.title', { name: data.siteName })}
        intro={t('securityWalks.walk.intro', {
          date: formatDate(data.walkedOn),
          template: data.template.name,
          version: data.template.version,
          status: t(`securityWalks.statuses.${data.status}`),
        })}
      />
      <QueuedAnswersNotice queued={queued} walk={data} />
      {isAnswering && entry ? (
        <QuestionStep
          key={entry.question.key}
          walk={data}
          entry={entry}
          index={step}
          total={entries.length}
          takesFocus={hasMoved}
          onPrevious={() => moveTo(step - 1)}
          onNext={() => moveTo(step + 1)}
          onSummary={() => moveTo(entries.length)}
        />
      ) : (
        <>
          {isAnswering && (
            <p>
              <button type="button" className="button button--secondary" onClick={() => moveTo(0)}>
                {t('securityWalks.walk.backToQuestions')}
              </button>
            </p>
          )}
          <DeviationsSection walk={walk.data} canWalk={canWalk} />
          <ParticipantsAndAnswers walk={data} />
          {isAnswering ? <FinishForm walk={data} /> : <SummaryText walk={data} />}
        </>
      )}
    </>
  );
}

function ParticipantsAndAnswers({ walk }: { walk: SecurityWalk }) {
  const { t } = useTranslation();
  const answers = new Map(walk.answers.map((answer) => [answer.questionKey, answer]));
  const photos = new Map(walk.photos.map((photo) => [photo.questionKey, photo]));
  return (
    <section aria-labelledby="walk-answers-title" className="panel">
      <h2 id="walk-answers-title">{t('securityWalks.walk.answers')}</h2>
      <p>
        {t('securityWalks.walk.participants')}:{' '}
        {walk.participants
          .map((participant) => `${participant.name} (${t(`securityWalks.roles.${participant.role}`)})`)
          .join(', ')}
      </p>
      {walk.template.sections.map((section) => (
        <div key={section.key}>
          <h3>{section.title}</h3>
          <ul className="walk-answers">
            {section.questions.map((question) => {
              const answer = answers.get(question.key);
              const shown =
                answer?.result != null
                  ? t(`securityWalks.results.${answer.result}`)
                  : answer?.number != null
                    ? String(answer.number)
                    : answer?.note
                      ? ''
                      : t('securityWalks.walk.notAnswered');
              return (
                <li key={question.key} className="walk-answer">
                  <p>
                    {question.text}: <strong>{shown}</strong>
                  </p>
                  {answer?.note && <p className="card__meta">{answer.note}</p>}
                  {photos.get(question.key) && (
                    <p className="card__meta">
                      <a href={walkPhotoUrl(walk.id, question.key)} download={photos.get(question.key)?.fileName}>
                        {t('securityWalks.photo.show', { question: question.text })}
                      </a>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

function SummaryText({ walk }: { walk: SecurityWalk }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="walk-summary-title" className="panel">
      <h2 id="walk-summary-title">{t('securityWalks.walk.summary')}</h2>
      <p>{walk.summary || t('securityWalks.walk.noSummary')}</p>
    </section>
  );
}

function FinishForm({ walk }: { walk: SecurityWalk }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const finish = useFinishSecurityWalk(walk.id);
  const [summary, setSummary] = useState('');
  function submit() {
    if (finish.isPending) return;
    const input = errors.validate(finishWalkInputSchema, { summary });
    if (!input) return;
    finish.mutate(input, { onError: errors.fail });
  }
  return (
    <section aria-labelledby="walk-finish-title" className="panel">
      <h2 id="walk-finish-title">{t('securityWalks.walk.finishTitle')}</h2>
      <Form id="walk-finish" errors={errors} onSubmit={submit} labelledBy="walk-finish-title">
        <TextAreaField
          name="summary"
          label={t('securityWalks.walk.summary')}
          hint={t('securityWalks.walk.summaryHint')}
          rows={5}
          value={summary}
          onChange={setSummary}
        />
        <SubmitButton isPending={finish.isPending} pendingLabel={t('common.saving')}>
          {t('securityWalks.walk.finish')}
        </SubmitButton>
      </Form>
    </section>
  );
}
