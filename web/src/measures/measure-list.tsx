import { type Measure, type MeasureStatus, measureStatuses, statusNeedsReason } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterSelect } from '../shared/forms/filter-fields.tsx';
import { SelectControl } from '../shared/forms/select-control.tsx';
import { paths } from '../shared/paths.ts';
import { formatDate } from '../shared/ui/format-date.ts';
import { LoadMore } from '../shared/ui/load-more.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { type MeasureFilters, useBulkStatus, useMeasurePages } from './api/measure-lists.ts';

/**
 * A list of measures by due date with filters; overdue ones are marked in words, not colour only.
 * With `canManage`, measures can be chosen and moved to one status together (all or none).
 */
export function MeasureList({ unitId, canManage }: { unitId: string | null; canManage: boolean }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<MeasureFilters>({ status: '', overdue: '' });
  const measures = useMeasurePages(unitId, filters);
  const items = measures.data?.pages.flatMap((page) => page.items) ?? [];
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const statusOptions = [
    { value: '', label: t('measures.list.anyStatus') },
    ...measureStatuses.map((status) => ({ value: status, label: t(`followUp.measures.statuses.${status}`) })),
  ];
  return (
    <section aria-labelledby="measure-list-title">
      <h2 id="measure-list-title">{t('measures.list.title')}</h2>
      <div className="measure-filters">
        <FilterSelect
          id="measure-filter-status"
          label={t('measures.list.status')}
          value={filters.status}
          options={statusOptions}
          onChange={(status) => setFilters({ ...filters, status: status as MeasureFilters['status'] })}
        />
        <FilterSelect
          id="measure-filter-overdue"
          label={t('measures.list.overdueFilter')}
          value={filters.overdue}
          options={[
            { value: '', label: t('measures.list.all') },
            { value: 'true', label: t('measures.list.onlyOverdue') },
          ]}
          onChange={(overdue) => setFilters({ ...filters, overdue: overdue as MeasureFilters['overdue'] })}
        />
      </div>
      {canManage && <BulkStatus chosen={chosen} onDone={() => setChosen(new Set())} />}
      {measures.isPending && <Loading />}
      {measures.isError && <ProblemAlert error={measures.error} />}
      {measures.isSuccess && items.length === 0 && <p>{t('measures.list.empty')}</p>}
      {items.length > 0 && (
        <ul className="card-list">
          {items.map((measure) => (
            <MeasureCard
              key={measure.id}
              measure={measure}
              isChosen={canManage ? chosen.has(measure.id) : null}
              onChoose={(isChosen) => {
                const next = new Set(chosen);
                if (isChosen) next.add(measure.id);
                else next.delete(measure.id);
                setChosen(next);
              }}
            />
          ))}
        </ul>
      )}
      <LoadMore query={measures} count={items.length} />
    </section>
  );
}

function MeasureCard({
  measure,
  isChosen,
  onChoose,
}: {
  measure: Measure;
  isChosen: boolean | null;
  onChoose(isChosen: boolean): void;
}) {
  const { t } = useTranslation();
  const checkboxId = `choose-measure-${measure.id}`;
  return (
    <li className={measure.isOverdue ? 'card measure-card measure-card--overdue' : 'card measure-card'}>
      {isChosen !== null && (
        <div className="measure-card__choose">
          <input id={checkboxId} type="checkbox" checked={isChosen} onChange={(e) => onChoose(e.target.checked)} />
          <label htmlFor={checkboxId} className="visually-hidden">
            {t('measures.list.choose', { title: measure.title })}
          </label>
        </div>
      )}
      <div>
        <h3 className="card__title">
          <Link to={paths.measure(measure.id)}>{measure.title}</Link>
        </h3>
        <p className="card__meta">
          {t(`followUp.measures.statuses.${measure.status}`)}
          {' · '}
          {t('measures.list.due', { date: formatDate(measure.dueOn) })}
          {measure.orgUnitName && ` · ${measure.orgUnitName}`}
          {measure.owner && ` · ${measure.owner.name}`}
          {measure.isOverdue && (
            <>
              {' · '}
              <strong className="measure-card__overdue">{t('measures.list.overdue')}</strong>
            </>
          )}
        </p>
      </div>
    </li>
  );
}

/** Statuses that need no reason can be set for many at once; postponing and cancelling are per measure. */
function BulkStatus({ chosen, onDone }: { chosen: ReadonlySet<string>; onDone(): void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MeasureStatus>('in_progress');
  const bulk = useBulkStatus();
  const [changedCount, setChangedCount] = useState<number | null>(null);
  return (
    <div className="measure-bulk">
      <label htmlFor="measure-bulk-status">{t('measures.list.bulkStatus')}</label>
      <SelectControl
        id="measure-bulk-status"
        value={status}
        options={measureStatuses
          .filter((candidate) => !statusNeedsReason(candidate))
          .map((candidate) => ({ value: candidate, label: t(`followUp.measures.statuses.${candidate}`) }))}
        onChange={(value) => setStatus(value as MeasureStatus)}
      />
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={chosen.size === 0 || bulk.isPending || undefined}
        onClick={() => {
          if (chosen.size === 0 || bulk.isPending) return;
          bulk.mutate(
            { measureIds: [...chosen], status },
            {
              onSuccess: (result) => {
                setChangedCount(result.items.length);
                onDone();
              },
            },
          );
        }}
      >
        {t('measures.list.bulkApply', { count: chosen.size })}
      </button>
      {bulk.isError && <ProblemAlert error={bulk.error} />}
      <StatusMessage>
        {changedCount !== null ? t('measures.list.bulkDone', { count: changedCount }) : null}
      </StatusMessage>
    </div>
  );
}
