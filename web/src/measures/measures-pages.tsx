import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FilterSelect } from '../shared/forms/filter-fields.tsx';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { useOrgUnits } from './api/measure-lists.ts';
import { MeasureList } from './measure-list.tsx';
import { NewMeasureForm } from './new-measure-form.tsx';
import './measures.css';

/** "Mina åtgärder": the measures the signed-in person owns. */
export function MyMeasuresPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('measures.mine.title')} intro={t('measures.mine.intro')} />
      <MeasureList unitId={null} canManage={false} />
    </>
  );
}

/** A unit's or an administration's measures (its whole subtree), with the way to its action plan. */
export function UnitMeasuresPage() {
  const { t } = useTranslation();
  const { unitId } = useParams();
  const navigate = useNavigate();
  const canManage = useHasPermission('measures.manage');
  const units = useOrgUnits();
  const options = [
    { value: '', label: t('measures.units.choose') },
    ...(units.data?.items ?? [])
      .filter((unit) => unit.kind !== 'board')
      .map((unit) => ({ value: unit.id, label: unit.name })),
  ];
  return (
    <>
      <PageHeader
        title={t('measures.units.title')}
        intro={t('measures.units.intro')}
        actions={
          unitId && (
            <Link className="button button--secondary" to={paths.actionPlan(unitId)}>
              {t('measures.units.actionPlan')}
            </Link>
          )
        }
      />
      <FilterSelect
        id="measure-unit"
        label={t('measures.units.unit')}
        value={unitId ?? ''}
        options={options}
        onChange={(chosen) => void navigate(chosen ? paths.unitMeasures(chosen) : paths.measureUnits)}
      />
      {unitId && canManage && <NewMeasureForm key={`new-${unitId}`} unitId={unitId} />}
      {unitId && <MeasureList key={unitId} unitId={unitId} canManage={canManage} />}
    </>
  );
}
