import { personKinds } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterInput, FilterSelect } from '../shared/forms/filter-fields.tsx';
import { useAddressFilters } from '../shared/forms/use-address-filters.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { LoadMore } from '../shared/ui/load-more.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useOrgUnits } from './api/get-org-units.ts';
import { useParties } from './api/get-parties.ts';
import { type PeopleFilters, usePeople } from './api/get-people.ts';
import { orgUnitOptions } from './org-tree.ts';

const filterNames = ['search', 'kind', 'unitId', 'partyId'] as const;

export function PeoplePage() {
  const { t } = useTranslation();
  const {
    applied,
    query,
    draft,
    setDraftValue,
    apply: applyFilters,
    clear: clearFilters,
  } = useAddressFilters(filterNames);
  const canManage = useHasPermission('people.manage');
  const orgUnits = useOrgUnits(useHasPermission('organisation.read'));
  const parties = useParties(useHasPermission('parties.read'));

  const filters: PeopleFilters = {};
  for (const name of filterNames) if (applied[name]) filters[name] = applied[name];
  const people = usePeople(filters);
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const unitNames = new Map((orgUnits.data ?? []).map((unit) => [unit.id, unit.name]));
  const partyNames = new Map((parties.data ?? []).map((party) => [party.id, party.name]));

  return (
    <>
      <PageHeader
        title={t('people.title')}
        intro={t('people.intro')}
        actions={
          canManage && (
            <Link className="button button--primary" to={paths.newPerson}>
              {t('people.add')}
            </Link>
          )
        }
      />
      <search>
        <form className="filters" onSubmit={applyFilters} aria-label={t('common.filter')}>
          <FilterInput
            id="people-search"
            label={t('people.search')}
            value={draft.search}
            onChange={setDraftValue('search')}
          />
          <FilterSelect
            id="people-kind"
            label={t('people.kind')}
            value={draft.kind}
            onChange={setDraftValue('kind')}
            options={[
              { value: '', label: t('people.allKinds') },
              ...personKinds.map((kind) => ({ value: kind, label: t(`personKinds.${kind}`) })),
            ]}
          />
          {orgUnits.data && (
            <FilterSelect
              id="people-unit"
              label={t('people.unit')}
              value={draft.unitId}
              onChange={setDraftValue('unitId')}
              options={[{ value: '', label: t('people.allUnits') }, ...orgUnitOptions(orgUnits.data)]}
            />
          )}
          {parties.data && (
            <FilterSelect
              id="people-party"
              label={t('people.party')}
              value={draft.partyId}
              onChange={setDraftValue('partyId')}
              options={[
                { value: '', label: t('people.allParties') },
                ...parties.data.map((party) => ({ value: party.id, label: party.name })),
              ]}
            />
          )}
          <div className="filters__actions">
            <button type="submit" className="button button--primary">
              {t('common.filter')}
            </button>
            <button type="button" className="button button--secondary" onClick={clearFilters}>
              {t('common.clearFilters')}
            </button>
          </div>
        </form>
      </search>
      <section aria-labelledby="people-list-title">
        <h2 id="people-list-title" className="visually-hidden">
          {t('people.list')}
        </h2>
        {people.isPending && <Loading />}
        {people.isError && <ProblemAlert error={people.error} />}
        {people.isSuccess && items.length === 0 && <p>{t('people.empty')}</p>}
        {items.length > 0 && (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          <section className="table-scroll" aria-labelledby="people-list-title" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('people.kind')}</th>
                  <th scope="col">{t('people.belongsTo')}</th>
                  <th scope="col">{t('people.email')}</th>
                  <th scope="col">{t('people.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((person) => (
                  <tr key={person.id}>
                    <td>
                      <Link to={paths.person(person.id)} state={{ listSearch: query }}>
                        {person.givenName} {person.familyName}
                      </Link>
                    </td>
                    <td>{t(`personKinds.${person.kind}`)}</td>
                    <td>
                      {(person.unitId && unitNames.get(person.unitId)) ||
                        (person.partyId && partyNames.get(person.partyId)) ||
                        t('common.notSet')}
                    </td>
                    <td>{person.email ?? t('common.notSet')}</td>
                    <td>{person.isActive ? t('people.isActive') : t('people.inactive')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <LoadMore query={people} count={items.length} />
      </section>
    </>
  );
}
