import type { Party } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../shared/forms/field-ids.ts';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useFocusOnMount, useReturnFocus } from '../shared/ui/use-return-focus.ts';
import { useCreateParty } from './api/create-party.ts';
import { useParties } from './api/get-parties.ts';
import { useUpdateParty } from './api/update-party.ts';
import { PartyForm } from './party-form.tsx';

export function PartiesPage() {
  const { t } = useTranslation();
  const parties = useParties();
  const canManage = useHasPermission('parties.manage');

  return (
    <>
      <PageHeader title={t('parties.title')} intro={t('parties.intro')} />
      {parties.isPending && <Loading />}
      {parties.isError && <ProblemAlert error={parties.error} />}
      {parties.data?.length === 0 && <p>{t('parties.empty')}</p>}
      {parties.data && parties.data.length > 0 && (
        <ul className="card-list">
          {parties.data.map((party) => (
            <PartyCard key={party.id} party={party} canManage={canManage} />
          ))}
        </ul>
      )}
      {canManage && (
        <section aria-labelledby="party-create-title" className="panel">
          <h2 id="party-create-title">{t('parties.addTitle')}</h2>
          <PartyCreate />
        </section>
      )}
    </>
  );
}

function PartyCard({ party, canManage }: { party: Party; canManage: boolean }) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const editButton = useReturnFocus<HTMLButtonElement>(isEditing);
  return (
    <li className="card">
      <h2 className="card__title">
        {party.name} <span className="badge">{party.abbreviation}</span>
      </h2>
      {party.officeEmail && (
        <p className="card__meta">
          {t('parties.officeEmail')}: {party.officeEmail}
        </p>
      )}
      {party.securityContactName && (
        <p className="card__meta">
          {t('parties.securityContact')}: {party.securityContactName}
        </p>
      )}
      {canManage && !isEditing && (
        <button
          ref={editButton}
          type="button"
          className="button button--link"
          aria-label={t('common.editNamed', { name: party.name })}
          onClick={() => setEditing(true)}
        >
          {t('common.edit')}
        </button>
      )}
      {isEditing && <PartyEdit party={party} onDone={() => setEditing(false)} />}
    </li>
  );
}

function PartyEdit({ party, onDone }: { party: Party; onDone(): void }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const updateParty = useUpdateParty();
  const formId = `party-edit-${party.id}`;
  useFocusOnMount(fieldId(formId, 'name'));
  return (
    <div className="inline-form">
      <h3 id={`${formId}-title`}>{t('parties.editTitle', { name: party.name })}</h3>
      <PartyForm
        id={formId}
        labelledBy={`${formId}-title`}
        party={party}
        errors={errors}
        isPending={updateParty.isPending}
        submitLabel={t('common.save')}
        onSubmit={(changes) =>
          updateParty.mutate({ id: party.id, changes }, { onSuccess: onDone, onError: errors.fail })
        }
        onCancel={onDone}
      />
    </div>
  );
}

function PartyCreate() {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const createParty = useCreateParty();
  const [createdName, setCreatedName] = useState<string | null>(null);
  return (
    <>
      <StatusMessage>{createdName && t('common.created', { name: createdName })}</StatusMessage>
      <PartyForm
        id="party-create"
        labelledBy="party-create-title"
        errors={errors}
        isPending={createParty.isPending}
        submitLabel={t('parties.add')}
        onSubmit={(input, reset) => {
          setCreatedName(null);
          createParty.mutate(input, {
            onSuccess: (party) => {
              setCreatedName(party.name);
              reset();
            },
            onError: errors.fail,
          });
        }}
      />
    </>
  );
}
