import { useQuery } from '@tanstack/react-query';
import {
  type Incident,
  type Measure,
  type MeasureStatus,
  measureInputSchema,
  measureStatuses,
  pageLimitMax,
} from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPeople, peopleQueryKey } from '../organisation/api/get-people.ts';
import { newIdempotencyKey } from '../shared/api/api-client.ts';
import { Form } from '../shared/forms/form.tsx';
import { SelectControl } from '../shared/forms/select-control.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useHasPermission, useSession } from '../shared/session/session-context.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useChangeMeasureStatus, useCreateMeasure, useIncidentMeasures } from './api/measures.ts';
import './measures.css';

/** The measures of an incident: read by all its readers, decided and followed up by its handlers. */
export function MeasuresSection({ incident, canHandle }: { incident: Incident; canHandle: boolean }) {
  const { t } = useTranslation();
  const measures = useIncidentMeasures(incident.id);
  const changeStatus = useChangeMeasureStatus(incident.id);
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
      {canHandle && <MeasureForm incident={incident} />}
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
      <h3 className="measure__title">{measure.title}</h3>
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
            options={measureStatuses.map((status) => ({
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

/** Who may own a measure: people of the incident's unit (or party), and the handler themself. */
function useOwnerCandidates(incident: Incident) {
  const session = useSession();
  const canReadPeople = useHasPermission('people.read');
  const filters = incident.unitId ? { unitId: incident.unitId } : incident.partyId ? { partyId: incident.partyId } : {};
  const people = useQuery({
    queryKey: [...peopleQueryKey, 'measure-owners', filters],
    queryFn: () => getPeople(filters, undefined, pageLimitMax),
    enabled: canReadPeople,
  });
  const candidates = (people.data?.items ?? [])
    .filter((person) => person.isActive)
    .map((person) => ({ value: person.id, label: `${person.givenName} ${person.familyName}` }));
  if (!candidates.some((candidate) => candidate.value === session.personId)) {
    candidates.unshift({ value: session.personId, label: session.displayName });
  }
  return candidates;
}

const emptyMeasure = { title: '', description: '', ownerPersonId: '', dueOn: '' };

function MeasureForm({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const create = useCreateMeasure(incident.id);
  const owners = useOwnerCandidates(incident);
  const [values, setValues] = useState(emptyMeasure);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [isCreated, setIsCreated] = useState(false);
  const set = (name: keyof typeof emptyMeasure) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setIsCreated(false);
  };

  function submit() {
    if (create.isPending) return;
    const measure = errors.validate(measureInputSchema, {
      title: values.title,
      description: values.description,
      ...(values.ownerPersonId ? { ownerPersonId: values.ownerPersonId } : {}),
      ...(values.dueOn ? { dueOn: values.dueOn } : {}),
    });
    if (!measure) return;
    create.mutate(
      { measure, idempotencyKey },
      {
        onSuccess: () => {
          setValues(emptyMeasure);
          setIdempotencyKey(newIdempotencyKey());
          setIsCreated(true);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <>
      <h3 id="incident-measure-form-title">{t('followUp.measures.formTitle')}</h3>
      <StatusMessage>{isCreated && t('followUp.measures.created')}</StatusMessage>
      <Form id="incident-measure" errors={errors} onSubmit={submit} labelledBy="incident-measure-form-title">
        <TextField
          name="title"
          label={t('followUp.measures.titleLabel')}
          maxLength={200}
          value={values.title}
          onChange={set('title')}
        />
        <TextAreaField
          name="description"
          label={t('followUp.measures.description')}
          optional
          rows={3}
          value={values.description}
          onChange={set('description')}
        />
        <SelectField
          name="ownerPersonId"
          label={t('followUp.measures.owner')}
          value={values.ownerPersonId}
          options={[{ value: '', label: t('followUp.measures.chooseOwner') }, ...owners]}
          onChange={set('ownerPersonId')}
        />
        <TextField
          name="dueOn"
          type="date"
          label={t('followUp.measures.dueOn')}
          value={values.dueOn}
          onChange={set('dueOn')}
        />
        <SubmitButton isPending={create.isPending} pendingLabel={t('common.saving')}>
          {t('followUp.measures.create')}
        </SubmitButton>
      </Form>
    </>
  );
}
