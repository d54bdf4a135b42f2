import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getPeople, peopleQueryKey } from '../organisation/api/get-people.ts';
import { RadioGroupField } from '../shared/forms/choice-fields.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useSession } from '../shared/session/session-context.tsx';
import type { ReportValues } from './report-values.ts';

type OnBehalfFieldsProps = {
  values: ReportValues;
  set<Name extends keyof ReportValues>(name: Name): (value: ReportValues[Name]) => void;
};

const searchLimit = 20;

/**
 * "Rapporterar du för någon annan?": for managers and party offices only. The people API answers
 * with the people in the reader's scope; the server checks again that the chosen one may be reported
 * for (an employee under the manager, an official of the party).
 */
export function OnBehalfFields({ values, set }: OnBehalfFieldsProps) {
  const { t } = useTranslation();
  const { personId } = useSession();
  const search = values.onBehalfSearch.trim();
  const isSearching = values.onBehalf === 'yes' && search.length >= 2;
  const people = useQuery({
    queryKey: [...peopleQueryKey, 'on-behalf', search],
    queryFn: () => getPeople({ search }, undefined, searchLimit),
    enabled: isSearching,
  });
  const candidates = (people.data?.items ?? []).filter(
    (person) => person.id !== personId && person.kind !== 'party_staff' && person.isActive,
  );

  return (
    <>
      <RadioGroupField
        name="onBehalf"
        legend={t('incidents.report.onBehalf')}
        value={values.onBehalf}
        options={[
          { value: 'no', label: t('incidents.report.onBehalfNo') },
          { value: 'yes', label: t('incidents.report.onBehalfYes') },
        ]}
        onChange={set('onBehalf')}
      />
      {values.onBehalf === 'yes' && (
        <>
          <TextField
            name="onBehalfSearch"
            label={t('incidents.report.onBehalfSearch')}
            hint={t('incidents.report.onBehalfSearchHint')}
            type="search"
            autoComplete="off"
            value={values.onBehalfSearch}
            onChange={set('onBehalfSearch')}
          />
          <SelectField
            name="onBehalfOfPersonId"
            label={t('incidents.report.onBehalfPerson')}
            value={values.onBehalfOfPersonId}
            options={[
              {
                value: '',
                label:
                  isSearching && people.isSuccess && candidates.length === 0
                    ? t('incidents.report.onBehalfNoMatches')
                    : t('common.noneSelected'),
              },
              ...candidates.map((person) => ({
                value: person.id,
                label: `${person.givenName} ${person.familyName}${person.title ? `, ${person.title}` : ''}`,
              })),
            ]}
            onChange={set('onBehalfOfPersonId')}
          />
        </>
      )}
    </>
  );
}
