import { type IncidentKind, type IncidentStatistics, type IncidentStatisticsQuery, incidentKinds } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../shared/forms/filter-fields.tsx';
import { useAddressFilters } from '../shared/forms/use-address-filters.ts';
import { useLanguage } from '../shared/i18n/use-language.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useIncidentStatistics } from './api/get-incident-statistics.ts';
import { useOrgUnits } from './api/get-org-units.ts';
import { formatMonth } from './format-month.ts';
import { type ChartRow, StatisticsChart } from './statistics-chart.tsx';
import { StatisticsFigures } from './statistics-figures.tsx';
import './statistics.css';

const filterNames = ['from', 'to', 'unitId', 'kind'] as const;
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
/** Units beyond this many are in the table only: a chart of hundreds of bars says nothing. */
const unitChartLimit = 10;

/** The address's filter values as the API's query; malformed dates and kinds are left out. */
function queryOf(values: Record<(typeof filterNames)[number], string>): IncidentStatisticsQuery {
  const query: IncidentStatisticsQuery = {};
  if (isDate(values.from)) query.from = values.from;
  if (isDate(values.to)) query.to = values.to;
  if (values.unitId) query.unitId = values.unitId;
  if ((incidentKinds as readonly string[]).includes(values.kind)) query.kind = values.kind as IncidentKind;
  return query;
}

/** "Statistik": the incidents of the reader's scope counted by month, type, situation and unit. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const { applied, draft, setDraftValue, apply, clear } = useAddressFilters(filterNames);
  const canChooseUnit = useHasPermission('organisation.read');
  const units = useOrgUnits(canChooseUnit);
  const statistics = useIncidentStatistics(queryOf(applied));

  return (
    <>
      <PageHeader title={t('statistics.title')} intro={t('statistics.intro')} />
      <search>
        <form className="filters" onSubmit={apply} aria-label={t('common.filter')}>
          <DateFilter
            id="statistics-from"
            label={t('statistics.from')}
            value={draft.from}
            onChange={setDraftValue('from')}
          />
          <DateFilter id="statistics-to" label={t('statistics.to')} value={draft.to} onChange={setDraftValue('to')} />
          {canChooseUnit && (
            <FilterSelect
              id="statistics-unit"
              label={t('statistics.unit')}
              value={draft.unitId}
              onChange={setDraftValue('unitId')}
              options={[
                { value: '', label: t('statistics.allUnits') },
                ...(units.data ?? [])
                  .map((unit) => ({ value: unit.id, label: unit.name }))
                  .sort((a, b) => a.label.localeCompare(b.label, 'sv')),
              ]}
            />
          )}
          <FilterSelect
            id="statistics-kind"
            label={t('statistics.kind')}
            value={draft.kind}
            onChange={setDraftValue('kind')}
            options={[
              { value: '', label: t('statistics.allKinds') },
              ...incidentKinds.map((kind) => ({ value: kind, label: t(`incidents.kinds.${kind}`) })),
            ]}
          />
          <div className="filters__actions">
            <button type="submit" className="button button--primary">
              {t('common.filter')}
            </button>
            <button type="button" className="button button--secondary" onClick={clear}>
              {t('common.clearFilters')}
            </button>
          </div>
        </form>
      </search>
      {statistics.isPending && <Loading />}
      {statistics.isError && <ProblemAlert error={statistics.error} />}
      {statistics.data && <StatisticsResult statistics={statistics.data} />}
    </>
  );
}

/** The figures and the four charts, each with its table. */
function StatisticsResult({ statistics }: { statistics: IncidentStatistics }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const byMonth: ChartRow[] = statistics.byMonth.map(({ month, count }) => ({
    key: month,
    label: formatMonth(month, language),
    count,
  }));
  const byType: ChartRow[] = statistics.byType.map(({ type, count }) => ({
    key: type,
    label: t(`incidents.types.${type}`),
    count,
  }));
  const byContext: ChartRow[] = statistics.byContext
    .map(({ context, count }) => ({ key: context, label: t(`incidents.contexts.${context}`), count }))
    .sort((a, b) => b.count - a.count);
  const byUnit: ChartRow[] = statistics.byUnit.map(({ unitId, name, count }) => ({
    key: unitId ?? 'none',
    label: name ?? t('statistics.noUnit'),
    count,
  }));
  return (
    <>
      <p className="statistics-period">{t('statistics.period', { from: statistics.from, to: statistics.to })}</p>
      <StatisticsFigures statistics={statistics} />
      <div className="statistics-charts">
        <StatisticsChart
          title={t('statistics.byMonth')}
          categoryHeading={t('statistics.month')}
          rows={byMonth}
          orientation="columns"
        />
        <StatisticsChart
          title={t('statistics.byType')}
          categoryHeading={t('statistics.type')}
          rows={byType}
          orientation="bars"
          note={t('statistics.byTypeNote')}
        />
        <StatisticsChart
          title={t('statistics.byContext')}
          categoryHeading={t('statistics.context')}
          rows={byContext}
          orientation="bars"
        />
        <StatisticsChart
          title={t('statistics.byUnit')}
          categoryHeading={t('statistics.unit')}
          rows={byUnit}
          orientation="bars"
          chartLimit={unitChartLimit}
          note={byUnit.length > unitChartLimit ? t('statistics.byUnitChartNote', { count: unitChartLimit }) : undefined}
        />
      </div>
    </>
  );
}

type DateFilterProps = { id: string; label: string; value: string; onChange(value: string): void };

function DateFilter({ id, label, value, onChange }: DateFilterProps) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
