import type { Person } from '@varn/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField } from '../shared/forms/choice-fields.tsx';
import { FilterInput, FilterSelect } from '../shared/forms/filter-fields.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { type PeopleFilters, usePeopleToChoose } from './api/get-people.ts';
import { useUnits } from './api/get-units.ts';

export const noPeopleFilters: PeopleFilters = { unitId: '', search: '' };

// Choosing many people from a paper list or for an occasion: filters (a unit, a name) narrow the
// people shown, the ticks are kept across filters. The filters sit outside the form, so that Enter in
// the search box does not send it.

/** The unit and name filters over the people to choose from. */
export function PeopleFilterFields({
  filters,
  onChange,
}: {
  filters: PeopleFilters;
  onChange(filters: PeopleFilters): void;
}) {
  const { t } = useTranslation();
  const unitId = useId();
  const searchId = useId();
  const units = useUnits(true);
  return (
    <div className="people-filters">
      <FilterSelect
        id={unitId}
        label={t('training.filterUnit')}
        value={filters.unitId}
        options={[
          { value: '', label: t('training.allUnits') },
          ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
        ]}
        onChange={(value) => onChange({ ...filters, unitId: value })}
      />
      <FilterInput
        id={searchId}
        label={t('training.filterName')}
        value={filters.search}
        onChange={(value) => onChange({ ...filters, search: value })}
      />
    </div>
  );
}

type ChosenPeopleFieldProps = {
  name: string;
  legend: string;
  filters: PeopleFilters;
  chosen: readonly string[];
  onChange(personIds: string[]): void;
  /** People who cannot be chosen again (already enrolled). */
  excluded?: ReadonlySet<string>;
};

const nameOf = (person: Person) => `${person.givenName} ${person.familyName}`;

/** The people the filters show, each with a tick; those ticked under other filters stay chosen. */
export function ChosenPeopleField({ name, legend, filters, chosen, onChange, excluded }: ChosenPeopleFieldProps) {
  const { t } = useTranslation();
  const people = usePeopleToChoose(filters);
  if (people.isPending) return <Loading />;
  if (people.isError) return <ProblemAlert error={people.error} />;
  const shown = people.data.filter((person) => !excluded?.has(person.id));
  const shownIds = new Set(shown.map((person) => person.id));
  const chosenElsewhere = chosen.filter((personId) => !shownIds.has(personId));
  return (
    <>
      <CheckboxGroupField
        name={name}
        legend={legend}
        hint={t('training.chosenCount', { count: chosen.length })}
        values={chosen.filter((personId) => shownIds.has(personId))}
        options={shown.map((person) => ({
          value: person.id,
          label: nameOf(person),
          hint: person.title ?? person.employeeNumber ?? undefined,
        }))}
        onChange={(values) => onChange([...chosenElsewhere, ...values])}
      />
      {shown.length === 0 && <p>{t('training.noPeopleShown')}</p>}
      {shown.length > 0 && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange([...chosenElsewhere, ...shown.map((person) => person.id)])}
          >
            {t('training.chooseAllShown', { count: shown.length })}
          </button>
        </p>
      )}
    </>
  );
}
