import { type Party, type PartyInput, partyInputSchema } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { RecordForm, type RecordFormProps } from '../shared/forms/record-form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormValues } from '../shared/forms/use-form-values.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { usePartyContactCandidates } from './api/get-people.ts';

type PartyFormValues = { name: string; abbreviation: string; officeEmail: string; securityContactPersonId: string };

const emptyParty: PartyFormValues = { name: '', abbreviation: '', officeEmail: '', securityContactPersonId: '' };

/** Empty text means "not given": the domain schema takes null for optional fields. */
function inputOf(values: PartyFormValues) {
  return {
    name: values.name,
    abbreviation: values.abbreviation,
    officeEmail: values.officeEmail.trim() ? values.officeEmail : null,
    securityContactPersonId: values.securityContactPersonId || null,
  };
}

function valuesOf(party: Party | undefined): PartyFormValues {
  if (!party) return emptyParty;
  return {
    name: party.name,
    abbreviation: party.abbreviation,
    officeEmail: party.officeEmail ?? '',
    securityContactPersonId: party.securityContactPersonId ?? '',
  };
}

type PartyFormProps = RecordFormProps<PartyInput> & {
  /** The party being edited; without it the form adds a new one. */
  party?: Party;
};

/**
 * A party's fields. Its security contact is chosen when editing, among the party's own people; a new
 * party has none yet.
 */
export function PartyForm({ party, ...form }: PartyFormProps) {
  const { t } = useTranslation();
  const { values, set, reset } = useFormValues(valuesOf(party));
  const canChooseContact = useHasPermission('people.read');

  return (
    <RecordForm {...form} schema={partyInputSchema} input={inputOf(values)} reset={reset}>
      <TextField name="name" label={t('parties.name')} value={values.name} onChange={set('name')} />
      <TextField
        name="abbreviation"
        label={t('parties.abbreviation')}
        value={values.abbreviation}
        onChange={set('abbreviation')}
      />
      <TextField
        name="officeEmail"
        label={t('parties.officeEmail')}
        type="email"
        spellCheck={false}
        optional
        value={values.officeEmail}
        onChange={set('officeEmail')}
      />
      {party && canChooseContact && (
        <SecurityContactField
          party={party}
          value={values.securityContactPersonId}
          onChange={set('securityContactPersonId')}
        />
      )}
    </RecordForm>
  );
}

type SecurityContactFieldProps = { party: Party; value: string; onChange(personId: string): void };

function SecurityContactField({ party, value, onChange }: SecurityContactFieldProps) {
  const { t } = useTranslation();
  const candidates = usePartyContactCandidates(party.id);
  const options = (candidates.data ?? []).map((person) => ({
    value: person.id,
    label: `${person.givenName} ${person.familyName}`,
  }));
  // The current contact stays choosable while the list loads, or if they are no longer the party's.
  const currentId = party.securityContactPersonId;
  if (currentId && !options.some((option) => option.value === currentId)) {
    options.unshift({ value: currentId, label: party.securityContactName ?? currentId });
  }
  return (
    <SelectField
      name="securityContactPersonId"
      label={t('parties.securityContact')}
      hint={t('parties.securityContactHint')}
      optional
      value={value}
      options={[{ value: '', label: t('parties.noSecurityContact') }, ...options]}
      onChange={onChange}
    />
  );
}
