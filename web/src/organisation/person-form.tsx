import {
  type OrgUnit,
  officialCategories,
  type Party,
  type Person,
  type PersonInput,
  personInputSchema,
  personKinds,
} from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../shared/forms/checkbox-field.tsx';
import { RecordForm, type RecordFormProps } from '../shared/forms/record-form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormValues } from '../shared/forms/use-form-values.ts';
import { orgUnitOptions } from './org-tree.ts';

type PersonFormValues = {
  kind: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  employeeNumber: string;
  title: string;
  unitId: string;
  partyId: string;
  officialCategory: string;
  boardIds: string[];
  hasProtectedIdentity: boolean;
  isActive: boolean;
};

const emptyPerson: PersonFormValues = {
  kind: 'employee',
  givenName: '',
  familyName: '',
  email: '',
  phone: '',
  employeeNumber: '',
  title: '',
  unitId: '',
  partyId: '',
  officialCategory: '',
  boardIds: [],
  hasProtectedIdentity: false,
  isActive: true,
};

function valuesOf(person: Person | undefined): PersonFormValues {
  if (!person) return emptyPerson;
  return {
    kind: person.kind,
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email ?? '',
    phone: person.phone ?? '',
    employeeNumber: person.employeeNumber ?? '',
    title: person.title ?? '',
    unitId: person.unitId ?? '',
    partyId: person.partyId ?? '',
    officialCategory: person.officialCategory ?? '',
    boardIds: person.boardIds,
    hasProtectedIdentity: person.hasProtectedIdentity,
    isActive: person.isActive,
  };
}

/** Empty text means "not given": the domain schema takes null for optional fields. */
function inputOf(values: PersonFormValues) {
  const orNull = (value: string) => (value.trim() ? value : null);
  const isOfficial = values.kind === 'elected_official';
  const hasParty = isOfficial || values.kind === 'party_staff';
  return {
    kind: values.kind,
    givenName: values.givenName,
    familyName: values.familyName,
    email: orNull(values.email),
    phone: orNull(values.phone),
    employeeNumber: orNull(values.employeeNumber),
    title: orNull(values.title),
    unitId: orNull(values.unitId),
    partyId: hasParty ? orNull(values.partyId) : null,
    officialCategory: isOfficial ? orNull(values.officialCategory) : null,
    boardIds: values.boardIds,
    hasProtectedIdentity: values.hasProtectedIdentity,
    isActive: values.isActive,
  };
}

type PersonFormProps = RecordFormProps<PersonInput> & {
  /** The person being edited; without it the form adds a new one. */
  person?: Person;
  units: readonly OrgUnit[];
  parties: readonly Party[];
};

/** A person's fields for adding and editing, validated with the domain's `personInputSchema`. */
export function PersonForm({ person, units, parties, ...form }: PersonFormProps) {
  const { t } = useTranslation();
  const { values, set, reset } = useFormValues(valuesOf(person));
  const isOfficial = values.kind === 'elected_official';
  const hasParty = isOfficial || values.kind === 'party_staff';

  return (
    <RecordForm {...form} schema={personInputSchema} input={inputOf(values)} reset={reset}>
      <SelectField
        name="kind"
        label={t('people.kind')}
        value={values.kind}
        options={personKinds.map((kind) => ({ value: kind, label: t(`personKinds.${kind}`) }))}
        onChange={set('kind')}
      />
      <div className="field-row">
        <TextField
          name="givenName"
          label={t('people.givenName')}
          autoComplete="off"
          value={values.givenName}
          onChange={set('givenName')}
        />
        <TextField
          name="familyName"
          label={t('people.familyName')}
          autoComplete="off"
          value={values.familyName}
          onChange={set('familyName')}
        />
      </div>
      <TextField
        name="email"
        label={t('people.email')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        optional
        value={values.email}
        onChange={set('email')}
      />
      <TextField
        name="phone"
        label={t('people.phone')}
        type="tel"
        autoComplete="off"
        optional
        value={values.phone}
        onChange={set('phone')}
      />
      <SelectField
        name="unitId"
        label={t('people.unit')}
        value={values.unitId}
        optional={values.kind !== 'employee'}
        options={[{ value: '', label: t('people.noUnit') }, ...orgUnitOptions(units)]}
        onChange={set('unitId')}
      />
      <TextField name="title" label={t('people.personTitle')} optional value={values.title} onChange={set('title')} />
      <TextField
        name="employeeNumber"
        label={t('people.employeeNumber')}
        optional
        value={values.employeeNumber}
        onChange={set('employeeNumber')}
      />
      {isOfficial && (
        <SelectField
          name="officialCategory"
          label={t('people.officialCategory')}
          value={values.officialCategory}
          options={[
            { value: '', label: t('people.noCategory') },
            ...officialCategories.map((category) => ({ value: category, label: t(`officialCategories.${category}`) })),
          ]}
          onChange={set('officialCategory')}
        />
      )}
      {hasParty && (
        <SelectField
          name="partyId"
          label={t('people.party')}
          optional={isOfficial}
          value={values.partyId}
          options={[
            { value: '', label: t('people.noParty') },
            ...parties.map((party) => ({ value: party.id, label: `${party.name} (${party.abbreviation})` })),
          ]}
          onChange={set('partyId')}
        />
      )}
      <CheckboxField
        name="hasProtectedIdentity"
        label={t('people.hasProtectedIdentity')}
        hint={t('people.hasProtectedIdentityHint')}
        checked={values.hasProtectedIdentity}
        onChange={set('hasProtectedIdentity')}
      />
      {person && (
        <CheckboxField
          name="isActive"
          label={t('people.isActive')}
          checked={values.isActive}
          onChange={set('isActive')}
        />
      )}
    </RecordForm>
  );
}
