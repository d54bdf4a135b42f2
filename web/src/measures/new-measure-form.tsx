import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  measureCategories,
  measureSchema,
  type SourcelessMeasureInput,
  sourcelessMeasureInputSchema,
} from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest, newIdempotencyKey } from '../shared/api/api-client.ts';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useHasPermission, useSession } from '../shared/session/session-context.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useOwnerCandidates } from './api/measures.ts';

const empty = {
  title: '',
  description: '',
  category: 'routine',
  ownerPersonId: '',
  dueOn: '',
  estimatedCostKronor: '',
  sourceKind: 'standalone',
  sourceReference: '',
};

/** Kronor as typed ("12 500", "12500,50") to whole öre; anything else is left for the schema to refuse. */
function oreOf(kronor: string): number | null | string {
  const cleaned = kronor.replace(/\s/g, '').replace(',', '.');
  if (!cleaned) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? Math.round(value * 100) : kronor;
}

/** A standalone measure or a board assignment for the unit (or administration) on the page. */
export function NewMeasureForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const errors = useFormErrors();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(empty);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [isCreated, setIsCreated] = useState(false);
  const people = useOwnerCandidates(
    { kind: 'standalone', id: unitId, unitId, partyId: null },
    useHasPermission('people.read'),
  );
  const owners = (people.data?.items ?? [])
    .filter((person) => person.isActive)
    .map((person) => ({ value: person.id, label: `${person.givenName} ${person.familyName}` }));
  if (!owners.some((option) => option.value === session.personId)) {
    owners.unshift({ value: session.personId, label: session.displayName });
  }
  const create = useMutation({
    mutationFn: (measure: SourcelessMeasureInput) =>
      apiRequest('/api/measures', { method: 'POST', body: measure, idempotencyKey, schema: measureSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['measures'] }),
  });
  const set = (name: keyof typeof empty) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setIsCreated(false);
  };

  function submit() {
    if (create.isPending) return;
    const { estimatedCostKronor, ownerPersonId, dueOn, ...rest } = values;
    const measure = errors.validate(sourcelessMeasureInputSchema, {
      ...rest,
      orgUnitId: unitId,
      estimatedCostOre: oreOf(estimatedCostKronor),
      ...(ownerPersonId ? { ownerPersonId } : {}),
      ...(dueOn ? { dueOn } : {}),
    });
    if (!measure) return;
    create.mutate(measure, {
      onSuccess: () => {
        setValues(empty);
        setIdempotencyKey(newIdempotencyKey());
        setIsCreated(true);
      },
      onError: errors.fail,
    });
  }

  return (
    <section className="panel" aria-labelledby="new-measure-heading">
      <h2 id="new-measure-heading">{t('measures.create.title')}</h2>
      <StatusMessage>{isCreated && t('measures.create.created')}</StatusMessage>
      <Form id="new-measure" errors={errors} onSubmit={submit} labelledBy="new-measure-heading">
        <TextField
          name="title"
          label={t('measures.create.titleLabel')}
          maxLength={200}
          value={values.title}
          onChange={set('title')}
        />
        <TextAreaField
          name="description"
          label={t('measures.create.description')}
          optional
          rows={3}
          value={values.description}
          onChange={set('description')}
        />
        <SelectField
          name="category"
          label={t('measures.detail.category')}
          value={values.category}
          options={measureCategories.map((category) => ({
            value: category,
            label: t(`measures.categories.${category}`),
          }))}
          onChange={set('category')}
        />
        <SelectField
          name="ownerPersonId"
          label={t('measures.detail.owner')}
          value={values.ownerPersonId}
          options={[{ value: '', label: t('measures.create.chooseOwner') }, ...owners]}
          onChange={set('ownerPersonId')}
        />
        <TextField
          name="dueOn"
          type="date"
          label={t('measures.detail.due')}
          value={values.dueOn}
          onChange={set('dueOn')}
        />
        <TextField
          name="estimatedCostOre"
          label={t('measures.create.estimatedCost')}
          optional
          inputMode="numeric"
          value={values.estimatedCostKronor}
          onChange={set('estimatedCostKronor')}
        />
        <SelectField
          name="sourceKind"
          label={t('measures.create.sourceKind')}
          value={values.sourceKind}
          options={[
            { value: 'standalone', label: t('measures.create.standalone') },
            { value: 'board_assignment', label: t('measures.create.boardAssignment') },
          ]}
          onChange={set('sourceKind')}
        />
        {values.sourceKind === 'board_assignment' && (
          <TextField
            name="sourceReference"
            label={t('measures.create.sourceReference')}
            hint={t('measures.create.sourceReferenceHint')}
            value={values.sourceReference}
            onChange={set('sourceReference')}
          />
        )}
        <SubmitButton isPending={create.isPending} pendingLabel={t('common.saving')}>
          {t('measures.create.submit')}
        </SubmitButton>
      </Form>
    </section>
  );
}
