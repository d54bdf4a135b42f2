import {
  type IncidentKind,
  type IncidentStatus,
  type IncidentSummary,
  type IncidentType,
  incidentKinds,
  incidentStatuses,
  incidentTypes,
  linkFilterValues,
  policeReportFilterValues,
} from '@varn/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgUnits } from '../organisation/api/get-org-units.ts';
import { FilterSelect } from '../shared/forms/filter-fields.tsx';
import { useAddressFilters } from '../shared/forms/use-address-filters.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { LoadMore } from '../shared/ui/load-more.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { type IncidentFilters, useIncidents } from './api/get-incidents.ts';
import { IncidentExport } from './incident-export.tsx';
import { IncidentTitle, StatusBadge } from './incident-labels.tsx';
import './incidents.css';

const filterNames = [
  'kind',
  'type',
  'status',
  'isSerious',
  'unitId',
  'policeReport',
  'gangCrimeLink',
  'violentExtremismLink',
  'from',
  'to',
] as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

/** The address's filter values that name a real kind, type or status; others are ignored. */
function filtersOf(values: Record<(typeof filterNames)[number], string>): IncidentFilters {
  const filters: IncidentFilters = {};
  const { kind, type, status, isSerious, unitId, policeReport, gangCrimeLink, violentExtremismLink, from, to } = values;
  if (isOneOf<IncidentKind>(incidentKinds, kind)) filters.kind = kind;
  if (isOneOf<IncidentType>(incidentTypes, type)) filters.type = type;
  if (isOneOf<IncidentStatus>(incidentStatuses, status)) filters.status = status;
  if (isSerious === 'true' || isSerious === 'false') filters.isSerious = isSerious;
  if (uuid.test(unitId)) filters.unitId = unitId;
  if (isOneOf(policeReportFilterValues, policeReport)) filters.policeReport = policeReport;
  if (isOneOf(linkFilterValues, gangCrimeLink)) filters.gangCrimeLink = gangCrimeLink;
  if (isOneOf(linkFilterValues, violentExtremismLink)) filters.violentExtremismLink = violentExtremismLink;
  if (isoDate.test(from)) filters.from = from;
  if (isoDate.test(to)) filters.to = to;
  return filters;
}

/** "Händelser": the reports the reader may see (the server scopes them), newest first. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const {
    applied: appliedValues,
    query,
    draft,
    setDraftValue,
    apply: applyFilters,
    clear: clearFilters,
  } = useAddressFilters(filterNames);
  const applied = filtersOf(appliedValues);
  const canReport = useHasPermission('incidents.report');
  // The link filters read person-of-concern data: offered only to need-to-know roles (the API refuses others).
  const mayFilterOnConcern = useHasPermission('incidents.read_person_of_concern');
  const mayReadOrganisation = useHasPermission('organisation.read');
  const units = useOrgUnits(mayReadOrganisation);
  const incidents = useIncidents(applied);
  const items = incidents.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered = Object.keys(applied).length > 0;

  return (
    <>
      <PageHeader
        title={t('incidents.list.title')}
        intro={t('incidents.list.intro')}
        actions={
          canReport && (
            <Link className="button button--primary" to={paths.reportIncident}>
              {t('incidents.list.report')}
            </Link>
          )
        }
      />
      <search>
        <form className="filters" onSubmit={applyFilters} aria-label={t('common.filter')}>
          <FilterSelect
            id="incidents-kind"
            label={t('incidents.list.kind')}
            value={draft.kind}
            onChange={setDraftValue('kind')}
            options={[
              { value: '', label: t('incidents.list.allKinds') },
              ...incidentKinds.map((kind) => ({ value: kind, label: t(`incidents.kinds.${kind}`) })),
            ]}
          />
          <FilterSelect
            id="incidents-type"
            label={t('incidents.list.type')}
            value={draft.type}
            onChange={setDraftValue('type')}
            options={[
              { value: '', label: t('incidents.list.allTypes') },
              ...incidentTypes.map((type) => ({ value: type, label: t(`incidents.types.${type}`) })),
            ]}
          />
          <FilterSelect
            id="incidents-status"
            label={t('incidents.list.status')}
            value={draft.status}
            onChange={setDraftValue('status')}
            options={[
              { value: '', label: t('incidents.list.allStatuses') },
              ...incidentStatuses.map((status) => ({ value: status, label: t(`incidents.statuses.${status}`) })),
            ]}
          />
          <FilterSelect
            id="incidents-serious"
            label={t('incidents.list.seriousness')}
            value={draft.isSerious}
            onChange={setDraftValue('isSerious')}
            options={[
              { value: '', label: t('incidents.list.allSeriousness') },
              { value: 'true', label: t('incidents.list.onlySerious') },
              { value: 'false', label: t('incidents.list.notSerious') },
            ]}
          />
          {mayReadOrganisation && (
            <FilterSelect
              id="incidents-unit"
              label={t('incidents.list.unit')}
              value={draft.unitId}
              onChange={setDraftValue('unitId')}
              options={[
                { value: '', label: t('incidents.list.allUnits') },
                ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
              ]}
            />
          )}
          <FilterSelect
            id="incidents-police-report"
            label={t('incidents.list.policeReport')}
            value={draft.policeReport}
            onChange={setDraftValue('policeReport')}
            options={[
              { value: '', label: t('incidents.list.allPoliceReports') },
              ...policeReportFilterValues.map((value) => ({
                value,
                label: value === 'none' ? t('incidents.list.policeNone') : t(`incidents.policeStatuses.${value}`),
              })),
            ]}
          />
          {mayFilterOnConcern &&
            (['gangCrimeLink', 'violentExtremismLink'] as const).map((name) => (
              <FilterSelect
                key={name}
                id={`incidents-${name}`}
                label={t(`incidents.list.${name}`)}
                value={draft[name]}
                onChange={setDraftValue(name)}
                options={[
                  { value: '', label: t('incidents.list.anyLink') },
                  ...linkFilterValues.map((value) => ({ value, label: t(`incidents.links.${value}`) })),
                ]}
              />
            ))}
          <FilterDate id="incidents-from" label={t('incidents.list.from')}>
            <input
              id="incidents-from"
              type="date"
              className="field__input"
              value={draft.from}
              onChange={(event) => setDraftValue('from')(event.target.value)}
            />
          </FilterDate>
          <FilterDate id="incidents-to" label={t('incidents.list.to')}>
            <input
              id="incidents-to"
              type="date"
              className="field__input"
              value={draft.to}
              onChange={(event) => setDraftValue('to')(event.target.value)}
            />
          </FilterDate>
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
      <IncidentExport filters={applied} />
      <section aria-labelledby="incidents-list-title">
        <h2 id="incidents-list-title" className="visually-hidden">
          {t('incidents.list.listTitle')}
        </h2>
        {incidents.isPending && <Loading />}
        {incidents.isError && <ProblemAlert error={incidents.error} />}
        {incidents.isSuccess && items.length === 0 && (
          <p>{isFiltered ? t('incidents.list.emptyFiltered') : t('incidents.list.empty')}</p>
        )}
        {items.length > 0 && (
          <ul className="card-list">
            {items.map((incident) => (
              <IncidentCard key={incident.id} incident={incident} listSearch={query} />
            ))}
          </ul>
        )}
        <LoadMore query={incidents} count={items.length} />
      </section>
    </>
  );
}

function IncidentCard({ incident, listSearch }: { incident: IncidentSummary; listSearch: string }) {
  const { t } = useTranslation();
  return (
    <li className="card incident-card">
      <h3 className="card__title">
        <Link to={paths.incident(incident.id)} state={{ listSearch }}>
          <IncidentTitle incident={incident} />
          {' – '}
          <time dateTime={incident.occurredAt}>{formatDateTime(incident.occurredAt)}</time>
        </Link>
      </h3>
      <p className="incident-card__badges">
        <StatusBadge status={incident.status} />
        {incident.isSerious && <span className="badge badge--serious">{t('incidents.serious')}</span>}
      </p>
      <p className="card__meta">
        {t('incidents.list.contextLabel', { situation: t(`incidents.contexts.${incident.context}`) })}
      </p>
    </li>
  );
}

/** A date filter: a Stockholm calendar date, as the API takes `from` and `to`. */
function FilterDate({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children}
    </div>
  );
}
