import { type ChecklistQuestion, type CheckResult, type SecurityWalk, walkAnswerSchema } from '@varn/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../shared/api/problem-error.ts';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { AnswerChoice } from './answer-choice.tsx';
import { AnswerPhotoField } from './answer-photo-field.tsx';
import { useSaveWalkAnswers, useSetWalkPhoto } from './api/security-walks.ts';
import { queueAnswer } from './offline/answer-queue.ts';

export type QuestionEntry = { sectionTitle: string; question: ChecklistQuestion };

type QuestionStepProps = {
  walk: SecurityWalk;
  entry: QuestionEntry;
  index: number;
  total: number;
  /** Whether the person moved here (focus follows them) rather than opened the page. */
  takesFocus: boolean;
  onPrevious(): void;
  onNext(): void;
  onSummary(): void;
};

/** One question of the walk: answer it, save, and go on. An untouched question is skipped. */
export function QuestionStep({
  walk,
  entry,
  index,
  total,
  takesFocus,
  onPrevious,
  onNext,
  onSummary,
}: QuestionStepProps) {
  const { t } = useTranslation();
  const { question } = entry;
  const existing = walk.answers.find((answer) => answer.questionKey === question.key);
  const [result, setResult] = useState<CheckResult | ''>(existing?.result ?? '');
  const [number, setNumber] = useState(existing?.number === null || !existing ? '' : String(existing.number));
  const [note, setNote] = useState(existing?.note ?? '');
  const [photo, setPhoto] = useState<File | null>(null);
  const errors = useFormErrors();
  const save = useSaveWalkAnswers(walk.id);
  const savePhoto = useSetWalkPhoto(walk.id);
  const isSaving = save.isPending || savePhoto.isPending;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takesFocus) heading.current?.focus();
  }, [takesFocus]);
  const guidance = question.guidance || undefined;

  /** The answer first, then its photo; a photo alone (nothing else answered) is kept too. */
  async function submit() {
    if (isSaving) return;
    const isAnswered = result !== '' || number.trim() !== '' || note.trim() !== '';
    if (!isAnswered && !photo) {
      onNext();
      return;
    }
    const answer = isAnswered
      ? errors.validate(walkAnswerSchema, {
          questionKey: question.key,
          result: result === '' ? null : result,
          number: number.trim() === '' ? null : Number(number.replace(',', '.')),
          note,
        })
      : null;
    if (isAnswered && !answer) return;
    let isAnswerSaved = false;
    try {
      if (answer) await save.mutateAsync({ answers: [answer] });
      isAnswerSaved = true;
      if (photo) await savePhoto.mutateAsync({ questionKey: question.key, file: photo });
      onNext();
    } catch (error) {
      // No network (a basement): the answer waits on this device and the walk goes on.
      if (isProblemError(error) && error.status === 0) {
        await queueAnswer(walk.id, question.key, isAnswerSaved ? null : answer, photo);
        onNext();
        return;
      }
      errors.fail(error);
    }
  }

  const isLast = index + 1 === total;
  return (
    <section aria-labelledby="walk-step-title" className="panel walk-step">
      <p className="walk-step__progress">{t('securityWalks.walk.progress', { number: index + 1, total })}</p>
      <h2 id="walk-step-title" ref={heading} tabIndex={-1}>
        {entry.sectionTitle}
      </h2>
      <Form id="walk-answer" errors={errors} onSubmit={() => void submit()} labelledBy="walk-step-title">
        {question.answerType === 'check' && (
          <>
            <AnswerChoice name="result" legend={question.text} hint={guidance} value={result} onChange={setResult} />
            <TextAreaField
              name="note"
              label={result === 'deviation' ? t('securityWalks.walk.describeDeviation') : t('securityWalks.walk.note')}
              optional={result !== 'deviation'}
              rows={3}
              value={note}
              onChange={setNote}
            />
          </>
        )}
        {question.answerType === 'number' && (
          <>
            <TextField
              name="number"
              type="text"
              inputMode="numeric"
              label={question.text}
              hint={guidance}
              value={number}
              onChange={setNumber}
            />
            <TextAreaField
              name="note"
              label={t('securityWalks.walk.note')}
              optional
              rows={3}
              value={note}
              onChange={setNote}
            />
          </>
        )}
        {question.answerType === 'text' && (
          <TextAreaField
            name="note"
            label={question.text}
            hint={guidance}
            optional
            rows={4}
            value={note}
            onChange={setNote}
          />
        )}
        <AnswerPhotoField
          id="walk-answer-photo"
          walkId={walk.id}
          questionKey={question.key}
          saved={walk.photos.find((saved) => saved.questionKey === question.key)}
          chosen={photo}
          onChange={setPhoto}
        />
        <div className="walk-step__actions">
          <button type="button" className="button button--secondary" onClick={onPrevious} disabled={index === 0}>
            {t('securityWalks.walk.previous')}
          </button>
          <SubmitButton isPending={isSaving} pendingLabel={t('common.saving')}>
            {isLast ? t('securityWalks.walk.saveAndSummary') : t('securityWalks.walk.saveAndNext')}
          </SubmitButton>
          <button type="button" className="button button--link" onClick={onSummary}>
            {t('securityWalks.walk.toSummary')}
          </button>
        </div>
      </Form>
    </section>
  );
}
