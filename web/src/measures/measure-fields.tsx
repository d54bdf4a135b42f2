import { measureCategories } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../shared/api/api-client.ts';
import { SelectField } from '../shared/forms/select-field.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useHasPermission, useSession } from '../shared/session/session-context.tsx';
import { type MeasureSourceRef, useOwnerCandidates } from './api/measures.ts';

/** What every measure form asks for, as typed. */
export type MeasureFieldValues = {
  title: string;
  description: string;
  category: string;
  ownerPersonId: string;
  dueOn: string;
};

/** Owner choices: the people of the source's unit or party, and the handler themself. */
export function useOwnerOptions(source: MeasureSourceRef) {
  const session = useSession();
  const people = useOwnerCandidates(source, useHasPermission('people.read'));
  const options = (people.data?.items ?? [])
    .filter((person) => person.isActive)
    .map((person) => ({ value: person.id, label: `${person.givenName} ${person.familyName}` }));
  if (!options.some((option) => option.value === session.personId)) {
    options.unshift({ value: session.personId, label: session.displayName });
  }
  return options;
}

/** The typed values of a measure form, its Idempotency-Key, and whether the last one was created. */
export function useMeasureFormState<Values extends MeasureFieldValues>(empty: Values) {
  const [values, setValues] = useState(empty);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [isCreated, setIsCreated] = useState(false);
  const set = (name: keyof Values) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setIsCreated(false);
  };
  /** After a create: an empty form and a new key, so the next measure is not taken for a retry. */
  function created() {
    setValues(empty);
    setIdempotencyKey(newIdempotencyKey());
    setIsCreated(true);
  }
  return { values, set, idempotencyKey, isCreated, created };
}

/** The (translated) labels whose wording differs between the forms. */
export type MeasureFieldLabels = {
  title: string;
  description: string;
  owner: string;
  chooseOwner: string;
  dueOn: string;
};

/** The fields every measure has: title, description, category, owner and due date. */
export function MeasureFields({
  values,
  set,
  owners,
  labels,
}: {
  values: MeasureFieldValues;
  set(name: keyof MeasureFieldValues): (value: string) => void;
  owners: { value: string; label: string }[];
  labels: MeasureFieldLabels;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="title" label={labels.title} maxLength={200} value={values.title} onChange={set('title')} />
      <TextAreaField
        name="description"
        label={labels.description}
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
        label={labels.owner}
        value={values.ownerPersonId}
        options={[{ value: '', label: labels.chooseOwner }, ...owners]}
        onChange={set('ownerPersonId')}
      />
      <TextField name="dueOn" type="date" label={labels.dueOn} value={values.dueOn} onChange={set('dueOn')} />
    </>
  );
}
