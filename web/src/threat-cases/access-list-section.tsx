import { type AccessChangeValues, accessChangeInputSchema, type ThreatCase } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useFormValues } from '../shared/forms/use-form-values.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useAccessCandidates } from './api/get-case-options.ts';
import { useRemoveFromAccessList, useWriteToThreatCase } from './api/update-threat-case.ts';
import { Section } from './section.tsx';

/** Who may read the case (need-to-know), and for managers the forms to add or remove someone with a reason. */
export function AccessListSection({ threatCase, canManage }: { threatCase: ThreatCase; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Section id="threat-case-access-title" title={t('threatCases.access.title')}>
      <p>{t('threatCases.access.intro')}</p>
      <ul className="plain-list">
        {threatCase.accessList.map((entry) => (
          <li key={entry.personId}>
            <strong>{entry.name}</strong>
            <br />
            {entry.isCreator
              ? t('threatCases.access.creator')
              : t('threatCases.access.entry', { name: entry.addedByName ?? '', reason: entry.reason })}
          </li>
        ))}
      </ul>
      {canManage && (
        <>
          <AddAccessForm caseId={threatCase.id} />
          {threatCase.accessList.length > 1 && <RemoveAccessForm threatCase={threatCase} />}
        </>
      )}
    </Section>
  );
}

const emptyChange = { personId: '', reason: '' };

function AddAccessForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const candidates = useAccessCandidates(caseId);
  const { values, set, reset } = useFormValues(emptyChange);
  const write = useWriteToThreatCase(caseId);
  const [addedName, setAddedName] = useState<string | null>(null);

  function submit() {
    const input = errors.validate<AccessChangeValues>(accessChangeInputSchema, values);
    if (!input || write.isPending) return;
    const name = candidates.data?.find((candidate) => candidate.personId === input.personId)?.name ?? '';
    setAddedName(null);
    write.mutate(
      { kind: 'access', body: input },
      {
        onSuccess: () => {
          reset();
          setAddedName(name);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <>
      <h3 id="threat-case-access-add-title">{t('threatCases.access.addTitle')}</h3>
      <StatusMessage>{addedName && t('threatCases.access.added', { name: addedName })}</StatusMessage>
      {candidates.data && candidates.data.length === 0 ? (
        <p>{t('threatCases.access.noCandidates')}</p>
      ) : (
        <Form id="threat-case-access-add" errors={errors} onSubmit={submit} labelledBy="threat-case-access-add-title">
          <SelectField
            name="personId"
            label={t('threatCases.access.person')}
            value={values.personId}
            onChange={set('personId')}
            options={[
              { value: '', label: t('threatCases.access.choose') },
              ...(candidates.data ?? []).map((candidate) => ({ value: candidate.personId, label: candidate.name })),
            ]}
          />
          <TextField
            name="reason"
            label={t('threatCases.access.reason')}
            value={values.reason}
            onChange={set('reason')}
          />
          <div className="form__actions">
            <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
              {t('threatCases.access.add')}
            </SubmitButton>
          </div>
        </Form>
      )}
    </>
  );
}

function RemoveAccessForm({ threatCase }: { threatCase: ThreatCase }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const { values, set, reset } = useFormValues(emptyChange);
  const remove = useRemoveFromAccessList(threatCase.id);
  const [isRemoved, setIsRemoved] = useState(false);

  function submit() {
    const input = errors.validate<AccessChangeValues>(accessChangeInputSchema, values);
    if (!input || remove.isPending) return;
    setIsRemoved(false);
    remove.mutate(input, {
      onSuccess: () => {
        reset();
        setIsRemoved(true);
      },
      onError: errors.fail,
    });
  }

  return (
    <>
      <h3 id="threat-case-access-remove-title">{t('threatCases.access.removeTitle')}</h3>
      <StatusMessage>{isRemoved && t('threatCases.access.removed')}</StatusMessage>
      <Form
        id="threat-case-access-remove"
        errors={errors}
        onSubmit={submit}
        labelledBy="threat-case-access-remove-title"
      >
        <SelectField
          name="personId"
          label={t('threatCases.access.person')}
          value={values.personId}
          onChange={set('personId')}
          options={[
            { value: '', label: t('threatCases.access.choose') },
            ...threatCase.accessList.map((entry) => ({ value: entry.personId, label: entry.name })),
          ]}
        />
        <TextField
          name="reason"
          label={t('threatCases.access.reason')}
          value={values.reason}
          onChange={set('reason')}
        />
        <div className="form__actions">
          <SubmitButton isPending={remove.isPending} pendingLabel={t('common.saving')}>
            {t('threatCases.access.remove')}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}
