import { type AccessChangeValues, accessChangeInputSchema, type ThreatCase } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useAccessCandidates } from './api/get-case-options.ts';
import { type CaseWrite, useRemoveFromAccessList, useWriteToThreatCase } from './api/update-threat-case.ts';
import { Section } from './section.tsx';
import { useCaseForm } from './use-case-form.ts';

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
  const candidates = useAccessCandidates(caseId);
  const write = useWriteToThreatCase(caseId);
  // What was saved is the added person's name, for the status message.
  const { errors, values, set, saved, save } = useCaseForm<typeof emptyChange, CaseWrite, string>(emptyChange, write);

  function submit() {
    const input = errors.validate<AccessChangeValues>(accessChangeInputSchema, values);
    const name = candidates.data?.find((candidate) => candidate.personId === input?.personId)?.name ?? '';
    save(input && { kind: 'access', body: input }, name);
  }

  return (
    <>
      <h3 id="threat-case-access-add-title">{t('threatCases.access.addTitle')}</h3>
      <StatusMessage>{saved && t('threatCases.access.added', { name: saved })}</StatusMessage>
      {candidates.data && candidates.data.length === 0 ? (
        <p>{t('threatCases.access.noCandidates')}</p>
      ) : (
        <Form id="threat-case-access-add" errors={errors} onSubmit={submit} labelledBy="threat-case-access-add-title">
          <AccessChangeFields values={values} set={set} people={candidates.data ?? []} />
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
  const remove = useRemoveFromAccessList(threatCase.id);
  const { errors, values, set, saved, save } = useCaseForm(emptyChange, remove);

  function submit() {
    save(errors.validate<AccessChangeValues>(accessChangeInputSchema, values), true);
  }

  return (
    <>
      <h3 id="threat-case-access-remove-title">{t('threatCases.access.removeTitle')}</h3>
      <StatusMessage>{saved && t('threatCases.access.removed')}</StatusMessage>
      <Form
        id="threat-case-access-remove"
        errors={errors}
        onSubmit={submit}
        labelledBy="threat-case-access-remove-title"
      >
        <AccessChangeFields values={values} set={set} people={threatCase.accessList} />
        <div className="form__actions">
          <SubmitButton isPending={remove.isPending} pendingLabel={t('common.saving')}>
            {t('threatCases.access.remove')}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** Whom to add or remove, and why: the same two fields in both forms. */
function AccessChangeFields({
  values,
  set,
  people,
}: {
  values: typeof emptyChange;
  set(name: keyof typeof emptyChange): (value: string) => void;
  people: readonly { personId: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        name="personId"
        label={t('threatCases.access.person')}
        value={values.personId}
        onChange={set('personId')}
        options={[
          { value: '', label: t('threatCases.access.choose') },
          ...people.map((person) => ({ value: person.personId, label: person.name })),
        ]}
      />
      <TextField name="reason" label={t('threatCases.access.reason')} value={values.reason} onChange={set('reason')} />
    </>
  );
}
