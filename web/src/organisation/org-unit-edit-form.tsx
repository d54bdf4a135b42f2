import { type OrgUnit, orgUnitInputSchema } from '@varn/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../shared/forms/field-ids.ts';
import { Form } from '../shared/forms/form.tsx';
import { FormActions } from '../shared/forms/form-actions.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useFocusOnMount } from '../shared/ui/use-return-focus.ts';
import { useUpdateOrgUnit } from './api/update-org-unit.ts';

const changesSchema = orgUnitInputSchema.pick({ name: true, code: true });

export function OrgUnitEditForm({ unit, onDone }: { unit: OrgUnit; onDone(): void }) {
  const { t } = useTranslation();
  const formId = `org-unit-edit-${useId().replace(/:/g, '')}`;
  const [name, setName] = useState(unit.name);
  const [code, setCode] = useState(unit.code ?? '');
  const errors = useFormErrors();
  const updateOrgUnit = useUpdateOrgUnit();
  useFocusOnMount(fieldId(formId, 'name'));

  function submit() {
    if (updateOrgUnit.isPending) return;
    const changes = errors.validate(changesSchema, { name, code: code.trim() ? code : null });
    if (!changes) return;
    updateOrgUnit.mutate(
      { id: unit.id, changes: { name: changes.name, code: changes.code ?? null } },
      { onSuccess: onDone, onError: errors.fail },
    );
  }

  return (
    <div className="inline-form">
      <h3 id={`${formId}-title`}>{t('organisation.editTitle', { name: unit.name })}</h3>
      <Form id={formId} errors={errors} onSubmit={submit} labelledBy={`${formId}-title`}>
        <TextField name="name" label={t('organisation.name')} value={name} onChange={setName} />
        <TextField name="code" label={t('organisation.code')} optional value={code} onChange={setCode} />
        <FormActions isPending={updateOrgUnit.isPending} submitLabel={t('common.save')} onCancel={onDone} />
      </Form>
    </div>
  );
}
