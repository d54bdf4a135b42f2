import { type Measure, type MeasureStatus, measureInputSchema, measureStatuses, statusNeedsReason } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Form } from '../shared/forms/form.tsx';
import { SelectControl } from '../shared/forms/select-control.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { type MeasureSourceRef, useChangeMeasureStatus, useCreateMeasure, useMeasures } from './api/measures.ts';
import { MeasureFields, useMeasureFormState, useOwnerOptions } from './measure-fields.tsx';
import './measures.css';

type MeasuresSectionProps = {
  source: MeasureSourceRef;
  canHandle: boolean;
  /** Called after a measure is added or changed, for the source to refresh (its timeline). */
  onChange(): void;
};

/** The measures of a source: read by all its readers, decided and followed up by its handlers. */
export function MeasuresSection({ source, canHandle, onChange }: MeasuresSectionProps) {
  const { t } = useTranslation();
  const measures = useMeasures(source);
  const changeStatus = useChangeMeasureStatus(source, onChange);
  const [changed, setChanged] = useState<{ title: string; status: MeasureStatus } | null>(null);

  function onStatus(measure: Measure, status: MeasureStatus) {
    setChanged(null);
    changeStatus.mutate(
      { measureId: measure.id, status },
      { onSuccess: () => setChanged({ title: measure.title, status }) },
    );
  }

  return (
    <section aria-labelledby="incident-measures-title" className="panel">
      <h2 id="incident-measures-title">{t('followUp.measures.title')}</h2>
      {measures.isPending && <Loading />}
      {measures.isError && <ProblemAlert error={measures.error} />}
      {changeStatus.isError && <ProblemAlert error={changeStatus.error} />}
      <StatusMessage>
        {changed &&
          t('followUp.measures.statusChanged', {
            title: changed.title,
            status: t(`followUp.measures.statuses.${changed.status}`),
          })}
      </StatusMessage>
      {measures.data &&
        (measures.data.items.length === 0 ? (
          <p>{t('followUp.measures.empty')}</p>
        ) : (
          <ul className="measures">
            {measures.data.items.map((measure) => (
              <MeasureItem key={measure.id} measure={measure} canHandle={canHandle} onStatus={onStatus} />
            ))}
          </ul>
        ))}
      {canHandle && <MeasureForm source={source} onChange={onChange} />}
    </section>
  );
}

function MeasureItem({
  measure,
  canHandle,
  onStatus,
}: {
  measure: Measure;
  canHandle: boolean;
  onStatus(measure: Measure, status: MeasureStatus): void;
}) {
  const { t } = useTranslation();
  const statusId = `measure-status-${measure.id}`;
  return (
    <li className="measure">
      <h3 className="measure__title">
        {/* Handlers open the measure's own page: history, postponing and cancelling with a reason. */}
        {canHandle ? <Link to={paths.measure(measure.id)}>{measure.title}</Link> : measure.title}
      </h3>
      {measure.description && <p className="incident-description">{measure.description}</p>}
      <p className="card__meta">
        {t('followUp.measures.due', { date: formatDate(measure.dueOn) })}
        {measure.owner && ` · ${t('followUp.measures.ownedBy', { name: measure.owner.name })}`}
        {!canHandle && ` · ${t(`followUp.measures.statuses.${measure.status}`)}`}
      </p>
      {canHandle && (
        <div className="measure__status">
          <label htmlFor={statusId}>{t('followUp.measures.statusOf', { title: measure.title })}</label>
          <SelectControl
            id={statusId}
            value={measure.status}
            // Postponing and cancelling need a reason: they are done on the measure's own page.
            options={measureStatuses
              .filter((status) => !statusNeedsReason(status) || status === measure.status)
              .map((status) => ({
                value: status,
                label: t(`followUp.measures.statuses.${status}`),
              }))}
            onChange={(status) => onStatus(measure, status as MeasureStatus)}
          />
        </div>
      )}
    </li>
  );
}

const emptyMeasure = { title: '', description: '', category: 'routine', ownerPersonId: '', dueOn: '' };

function MeasureForm({ source, onChange }: { source: MeasureSourceRef; onChange(): void }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const create = useCreateMeasure(source, onChange);
  const owners = useOwnerOptions(source);
  const { values, set, idempotencyKey, isCreated, created } = useMeasureFormState(emptyMeasure);

  function submit() {
    if (create.isPending) return;
    const measure = errors.validate(measureInputSchema, {
      title: values.title,
      description: values.description,
      category: values.category,
      ...(values.ownerPersonId ? { ownerPersonId: values.ownerPersonId } : {}),
      ...(values.dueOn ? { dueOn: values.dueOn } : {}),
    });
    if (!measure) return;
    create.mutate({ measure, idempotencyKey }, { onSuccess: created, onError: errors.fail });
  }

  return (
    <>
      <h3 id="incident-measure-form-title">{t('followUp.measures.formTitle')}</h3>
      <StatusMessage>{isCreated && t('followUp.measures.created')}</StatusMessage>
      <Form id="incident-measure" errors={errors} onSubmit={submit} labelledBy="incident-measure-form-title">
        <MeasureFields
          values={values}
          set={set}
          owners={owners}
          labels={{
            title: t('followUp.measures.titleLabel'),
            description: t('followUp.measures.description'),
            owner: t('followUp.measures.owner'),
            chooseOwner: t('followUp.measures.chooseOwner'),
            dueOn: t('followUp.measures.dueOn'),
          }}
        />
        <SubmitButton isPending={create.isPending} pendingLabel={t('common.saving')}>
          {t('followUp.measures.create')}
        </SubmitButton>
      </Form>
    </>
  );
}

/** The measures of a source as a plain list, for printed summaries. */
export function MeasureSummaryList({ source }: { source: MeasureSourceRef }) {
  const { t } = useTranslation();
  const measures = useMeasures(source);
  if (measures.isPending) return <Loading />;
  if (measures.isError) return <ProblemAlert error={measures.error} />;
  if (measures.data.items.length === 0) return <p>{t('followUp.summary.noMeasures')}</p>;
  return (
    <ul>
      {measures.data.items.map((measure) => (
        <li key={measure.id}>
          {measure.title} ({t(`followUp.measures.statuses.${measure.status}`)},{' '}
          {t('followUp.measures.due', { date: formatDate(measure.dueOn) })})
        </li>
      ))}
    </ul>
  );
}
