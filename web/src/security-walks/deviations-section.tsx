import { deviationMeasureDraft, deviationMeasureInputSchema, type SecurityWalk } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useHasPermission, useSession } from '../shared/session/session-context.tsx';
import { useReturnFocus } from '../shared/ui/use-return-focus.ts';
import { useCreateDeviationMeasure, useOwnerCandidates } from './api/security-walks.ts';

type Deviation = { questionKey: string; questionText: string; note: string; measureId: string | null };

function deviationsOf(walk: SecurityWalk): Deviation[] {
  const texts = new Map(
    walk.template.sections.flatMap((section) => section.questions.map((question) => [question.key, question.text])),
  );
  return walk.answers
    .filter((answer) => answer.result === 'deviation')
    .map((answer) => ({
      questionKey: answer.questionKey,
      questionText: texts.get(answer.questionKey) ?? answer.questionKey,
      note: answer.note,
      measureId: answer.measureId,
    }));
}

/** The walk's deviations; each becomes a measure with one form, prefilled from the question. */
export function DeviationsSection({ walk, canWalk }: { walk: SecurityWalk; canWalk: boolean }) {
  const { t } = useTranslation();
  const deviations = deviationsOf(walk);
  return (
    <section aria-labelledby="walk-deviations-title" className="panel">
      <h2 id="walk-deviations-title">{t('securityWalks.deviations.title', { count: deviations.length })}</h2>
      {deviations.length === 0 ? (
        <p>{t('securityWalks.deviations.none')}</p>
      ) : (
        <ul className="walk-deviations">
          {deviations.map((deviation) => (
            <DeviationItem key={deviation.questionKey} walk={walk} deviation={deviation} canWalk={canWalk} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DeviationItem({ walk, deviation, canWalk }: { walk: SecurityWalk; deviation: Deviation; canWalk: boolean }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const opener = useReturnFocus<HTMLButtonElement>(isOpen);
  return (
    <li className="walk-deviation">
      <p className="walk-deviation__question">{deviation.questionText}</p>
      <p>{deviation.note}</p>
      {deviation.measureId ? (
        <p className="card__meta">{t('securityWalks.deviations.hasMeasure')}</p>
      ) : (
        canWalk &&
        !isOpen && (
          <button
            ref={opener}
            type="button"
            className="button button--primary"
            aria-label={t('securityWalks.deviations.createMeasureFor', { question: deviation.questionText })}
            onClick={() => setOpen(true)}
          >
            {t('securityWalks.deviations.createMeasure')}
          </button>
        )
      )}
      {isOpen && !deviation.measureId && (
        <DeviationMeasureForm walk={walk} deviation={deviation} onDone={() => setOpen(false)} />
      )}
    </li>
  );
}

function DeviationMeasureForm({
  walk,
  deviation,
  onDone,
}: {
  walk: SecurityWalk;
  deviation: Deviation;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const errors = useFormErrors();
  const create = useCreateDeviationMeasure(walk.id);
  const people = useOwnerCandidates(walk.unitId, useHasPermission('people.read'));
  const draft = deviationMeasureDraft({ text: deviation.questionText }, walk.siteName, deviation.note);
  const [title, setTitle] = useState(draft.title);
  const [ownerPersonId, setOwnerPersonId] = useState(session.personId);
  const [dueOn, setDueOn] = useState('');
  const owners = (people.data?.items ?? [])
    .filter((person) => person.isActive && person.id !== session.personId)
    .map((person) => ({ value: person.id, label: `${person.givenName} ${person.familyName}` }));
  const formId = `deviation-measure-${deviation.questionKey}`;

  function submit() {
    if (create.isPending) return;
    const input = errors.validate(deviationMeasureInputSchema, {
      title,
      ownerPersonId,
      ...(dueOn ? { dueOn } : {}),
    });
    if (!input) return;
    create.mutate({ questionKey: deviation.questionKey, input }, { onSuccess: onDone, onError: errors.fail });
  }

  return (
    <div className="inline-form">
      <h3 id={`${formId}-heading`}>{t('securityWalks.deviations.formTitle')}</h3>
      <Form id={formId} errors={errors} onSubmit={submit} labelledBy={`${formId}-heading`}>
        <TextField
          name="title"
          label={t('followUp.measures.titleLabel')}
          maxLength={200}
          value={title}
          onChange={setTitle}
        />
        <SelectField
          name="ownerPersonId"
          label={t('followUp.measures.owner')}
          value={ownerPersonId}
          options={[{ value: session.personId, label: session.displayName }, ...owners]}
          onChange={setOwnerPersonId}
        />
        <TextField name="dueOn" type="date" label={t('followUp.measures.dueOn')} value={dueOn} onChange={setDueOn} />
        <div className="walk-step__actions">
          <SubmitButton isPending={create.isPending} pendingLabel={t('common.saving')}>
            {t('securityWalks.deviations.createMeasure')}
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}
