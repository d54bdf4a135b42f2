import { type Grant, grantInputSchema, type OrgUnit, type Party, type Role, roles, scopeKinds } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useCreateGrant } from './api/create-grant.ts';
import { useDeleteGrant } from './api/delete-grant.ts';
import { useGrants } from './api/get-grants.ts';
import { orgUnitOptions } from './org-tree.ts';

type PersonGrantsProps = { personId: string; units: readonly OrgUnit[]; parties: readonly Party[] };

/** The roles a person holds ("Behörigheter"), for administrators with grants.manage. */
export function PersonGrants({ personId, units, parties }: PersonGrantsProps) {
  const { t } = useTranslation();
  const grants = useGrants(personId);
  const deleteGrant = useDeleteGrant();
  const [message, setMessage] = useState<string | null>(null);

  function scopeOf(grant: Grant): string {
    const kind = t(`scopeKinds.${grant.scopeKind}`);
    if (grant.scopeKind === 'org_unit') {
      const unit = units.find((candidate) => candidate.id === grant.orgUnitId);
      return unit ? `${kind}: ${unit.name}` : kind;
    }
    if (grant.scopeKind === 'party') {
      const party = parties.find((candidate) => candidate.id === grant.partyId);
      return party ? `${kind}: ${party.name}` : kind;
    }
    return kind;
  }

  function remove(grant: Grant) {
    const role = t(`roles.${grant.role}`);
    if (deleteGrant.isPending || !window.confirm(t('grants.confirmRemove', { role }))) return;
    setMessage(null);
    deleteGrant.mutate(grant, {
      onSuccess: () => {
        setMessage(t('grants.removed'));
        document.getElementById('person-grants-title')?.focus();
      },
    });
  }

  return (
    <section aria-labelledby="person-grants-title" className="panel">
      <h2 id="person-grants-title" tabIndex={-1}>
        {t('grants.title')}
      </h2>
      <p>{t('grants.intro')}</p>
      <StatusMessage>{message}</StatusMessage>
      {deleteGrant.isError && <ProblemAlert error={deleteGrant.error} />}
      {grants.isPending && <Loading />}
      {grants.isError && <ProblemAlert error={grants.error} />}
      {grants.data?.length === 0 && <p>{t('grants.empty')}</p>}
      {grants.data && grants.data.length > 0 && (
        <ul className="grant-list">
          {grants.data.map((grant) => (
            <li key={grant.id} className="grant-list__item">
              <span>
                <strong>{t(`roles.${grant.role}`)}</strong> – {scopeOf(grant)}
              </span>
              <button
                type="button"
                className="button button--link button--danger"
                aria-label={t('grants.removeNamed', { role: t(`roles.${grant.role}`) })}
                onClick={() => remove(grant)}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 id="grant-create-title">{t('grants.addTitle')}</h3>
      <GrantCreateForm personId={personId} units={units} parties={parties} onCreated={setMessage} />
    </section>
  );
}

type GrantCreateFormProps = PersonGrantsProps & { onCreated(message: string): void };

function GrantCreateForm({ personId, units, parties, onCreated }: GrantCreateFormProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('employee');
  const [scopeKind, setScopeKind] = useState<string>('self');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [partyId, setPartyId] = useState('');
  const errors = useFormErrors();
  const createGrant = useCreateGrant();

  function submit() {
    if (createGrant.isPending) return;
    const input = errors.validate(grantInputSchema, {
      personId,
      role,
      scopeKind,
      orgUnitId: scopeKind === 'org_unit' && orgUnitId ? orgUnitId : null,
      partyId: scopeKind === 'party' && partyId ? partyId : null,
    });
    if (!input) return;
    createGrant.mutate(input, {
      onSuccess: (grant) => onCreated(t('common.created', { name: t(`roles.${grant.role}`) })),
      onError: errors.fail,
    });
  }

  return (
    <Form id="grant-create" errors={errors} onSubmit={submit} labelledBy="grant-create-title">
      <SelectField
        name="role"
        label={t('grants.role')}
        value={role}
        options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
        onChange={(value) => setRole(value as Role)}
      />
      <SelectField
        name="scopeKind"
        label={t('grants.scopeKind')}
        value={scopeKind}
        options={scopeKinds.map((value) => ({ value, label: t(`scopeKinds.${value}`) }))}
        onChange={setScopeKind}
      />
      {scopeKind === 'org_unit' && (
        <SelectField
          name="orgUnitId"
          label={t('grants.orgUnit')}
          value={orgUnitId}
          options={[{ value: '', label: t('grants.chooseOrgUnit') }, ...orgUnitOptions(units)]}
          onChange={setOrgUnitId}
        />
      )}
      {scopeKind === 'party' && (
        <SelectField
          name="partyId"
          label={t('grants.party')}
          value={partyId}
          options={[
            { value: '', label: t('grants.chooseParty') },
            ...parties.map((party) => ({ value: party.id, label: party.name })),
          ]}
          onChange={setPartyId}
        />
      )}
      <SubmitButton isPending={createGrant.isPending} pendingLabel={t('common.saving')}>
        {t('grants.add')}
      </SubmitButton>
    </Form>
  );
}
