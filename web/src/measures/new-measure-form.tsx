import { useMutation, useQueryClient } from '@tanstack/react-query';
import { measureSchema, type SourcelessMeasureInput, sourcelessMeasureInputSchema } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../shared/api/api-client.ts';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { MeasureFields, useMeasureFormState, useOwnerOptions } from './measure-fields.tsx';

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
  const errors = useFormErrors();
  const queryClient = useQueryClient();
  const { values, set, idempotencyKey, isCreated, created } = useMeasureFormState(empty);
  const owners = useOwnerOptions({ kind: 'standalone', id: unitId, unitId, partyId: null });
  const create = useMutation({
    mutationFn: (measure: SourcelessMeasureInput) =>
      apiRequest('/api/measures', { method: 'POST', body: measure, idempotencyKey, schema: measureSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['measures'] }),
  });

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
    create.mutate(measure, { onSuccess: created, onError: errors.fail });
  }

  return (
    <section className="panel" aria-labelledby="new-measure-heading">
      <h2 id="new-measure-heading">{t('measures.create.title')}</h2>
      <StatusMessage>{isCreated && t('measures.create.created')}</StatusMessage>
      <Form id="new-measure" errors={errors} onSubmit={submit} labelledBy="new-measure-heading">
        <MeasureFields
          values={values}
          set={set}
          owners={owners}
          labels={{
            title: t('measures.create.titleLabel'),
            description: t('measures.create.description'),
            owner: t('measures.detail.owner'),
            chooseOwner: t('measures.create.chooseOwner'),
            dueOn: t('measures.detail.due'),
          }}
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
