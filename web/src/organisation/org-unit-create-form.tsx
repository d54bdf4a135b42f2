import { allowedChildKinds, type OrgUnit, type OrgUnitKind, orgUnitInputSchema, orgUnitKinds } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useCreateOrgUnit } from './api/create-org-unit.ts';
import { orgUnitOptions } from './org-tree.ts';

function kindsUnder(parent: OrgUnit | undefined): readonly OrgUnitKind[] {
  return parent ? allowedChildKinds[parent.kind] : orgUnitKinds;
}

export function OrgUnitCreateForm({ units }: { units: readonly OrgUnit[] }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [parentId, setParentId] = useState('');
  const [kind, setKind] = useState<OrgUnitKind>('board');
  const [createdName, setCreatedName] = useState<string | null>(null);
  const errors = useFormErrors();
  const createOrgUnit = useCreateOrgUnit();

  const allowedKinds = kindsUnder(units.find((unit) => unit.id === parentId));
  const effectiveKind = allowedKinds.includes(kind) ? kind : (allowedKinds[0] ?? kind);

  function submit() {
    if (createOrgUnit.isPending) return;
    setCreatedName(null);
    const input = errors.validate(orgUnitInputSchema, {
      parentId: parentId || null,
      kind: effectiveKind,
      name,
      code: code.trim() ? code : null,
    });
    if (!input) return;
    createOrgUnit.mutate(input, {
      onSuccess: (unit) => {
        setCreatedName(unit.name);
        setName('');
        setCode('');
      },
      onError: errors.fail,
    });
  }

  return (
    <Form id="org-unit-create" errors={errors} onSubmit={submit} labelledBy="org-unit-create-title">
      <StatusMessage>{createdName && t('common.created', { name: createdName })}</StatusMessage>
      <SelectField
        name="parentId"
        label={t('organisation.parent')}
        value={parentId}
        options={[{ value: '', label: t('organisation.noParent') }, ...orgUnitOptions(units)]}
        onChange={setParentId}
      />
      <SelectField
        name="kind"
        label={t('organisation.kind')}
        value={effectiveKind}
        options={allowedKinds.map((value) => ({ value, label: t(`orgUnitKinds.${value}`) }))}
        onChange={(value) => setKind(value as OrgUnitKind)}
      />
      <TextField name="name" label={t('organisation.name')} value={name} onChange={setName} />
      <TextField
        name="code"
        label={t('organisation.code')}
        hint={t('organisation.codeHint')}
        optional
        value={code}
        onChange={setCode}
      />
      <SubmitButton isPending={createOrgUnit.isPending} pendingLabel={t('common.saving')}>
        {t('organisation.add')}
      </SubmitButton>
    </Form>
  );
}
