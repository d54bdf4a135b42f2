import type { Coverage } from '@varn/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SelectControl } from '../shared/forms/select-control.tsx';
import { paths } from '../shared/paths.ts';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useCourses } from './api/get-courses.ts';
import { useCoverage } from './api/get-coverage.ts';
import './training.css';

/** Share in whole per cent; an empty target group is fully covered by nobody, shown as "–". */
function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`;
}

/**
 * "Täckning": per unit and administration, who in a course's target group holds a valid completion,
 * who expires within 90 days and who lacks it; a chart and the same figures as a table.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const courses = useCourses();
  const courseId = search.get('courseId') ?? courses.data?.[0]?.id ?? null;
  const orgUnitId = search.get('orgUnitId');
  const coverage = useCoverage(courseId, orgUnitId);
  const selectId = useId();
  return (
    <>
      <PageHeader title={t('training.coverageTitle')} intro={t('training.coverageIntro')} />
      {courses.isError && <ProblemAlert error={courses.error} />}
      {courses.isSuccess && courses.data.length === 0 && <p>{t('training.noCourses')}</p>}
      {courses.isSuccess && courses.data.length > 0 && (
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            {t('training.course')}
          </label>
          <SelectControl
            id={selectId}
            value={courseId ?? ''}
            options={courses.data.map((course) => ({ value: course.id, label: course.name }))}
            onChange={(value) => setSearch({ courseId: value })}
          />
        </div>
      )}
      {orgUnitId && courseId && (
        <p>
          <Link to={paths.trainingCoverageOf(courseId)}>{t('training.wholeScope')}</Link>
        </p>
      )}
      {coverage.isPending && courseId && <Loading />}
      {coverage.isError && <ProblemAlert error={coverage.error} />}
      {coverage.isSuccess && <CoverageFigures coverage={coverage.data} />}
    </>
  );
}

function CoverageFigures({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const { totals } = coverage;
  const chartData = coverage.units.map((unit) => ({
    name: unit.name,
    [t('training.valid')]: unit.validCount,
    [t('training.expiring')]: unit.expiringCount,
    [t('training.missing')]: unit.missingCount,
  }));
  return (
    <>
      <section aria-labelledby="coverage-totals-title" className="panel">
        <h2 id="coverage-totals-title">{t('training.totalsTitle')}</h2>
        <dl className="coverage-totals" data-testid="coverage-totals">
          <div>
            <dt>{t('training.share')}</dt>
            <dd>{percent(totals.validCount + totals.expiringCount, totals.targetCount)}</dd>
          </div>
          <div>
            <dt>{t('training.target')}</dt>
            <dd>{totals.targetCount}</dd>
          </div>
          <div>
            <dt>{t('training.valid')}</dt>
            <dd>{totals.validCount}</dd>
          </div>
          <div>
            <dt>{t('training.expiring')}</dt>
            <dd>{totals.expiringCount}</dd>
          </div>
          <div>
            <dt>{t('training.missing')}</dt>
            <dd>{totals.missingCount}</dd>
          </div>
        </dl>
      </section>
      {coverage.units.length > 0 && (
        <section aria-labelledby="coverage-units-title" className="panel">
          <h2 id="coverage-units-title">{t('training.perUnitTitle')}</h2>
          {/* The chart is a picture of the table below, which screen readers use instead. */}
          <div className="coverage-chart" aria-hidden="true">
            <ResponsiveContainer>
              <BarChart data={chartData} layout="vertical" margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={120} />
                <Tooltip />
                <Legend />
                <Bar dataKey={t('training.valid')} stackId="coverage" fill="#1b6e3a" />
                <Bar dataKey={t('training.expiring')} stackId="coverage" fill="#a15c00" />
                <Bar dataKey={t('training.missing')} stackId="coverage" fill="#a4262c" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <UnitTable coverage={coverage} />
        </section>
      )}
      <PeopleTable coverage={coverage} />
    </>
  );
}

function UnitTable({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-labelledby="coverage-unit-table">
      <table className="table">
        <caption id="coverage-unit-table">{t('training.perUnitTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.unit')}</th>
            <th scope="col">{t('training.share')}</th>
            <th scope="col">{t('training.target')}</th>
            <th scope="col">{t('training.valid')}</th>
            <th scope="col">{t('training.expiring')}</th>
            <th scope="col">{t('training.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.units.map((unit) => (
            <tr key={unit.orgUnitId}>
              <th scope="row">
                <Link to={paths.trainingCoverageOf(coverage.courseId, unit.orgUnitId)}>{unit.name}</Link>
              </th>
              <td>{percent(unit.validCount + unit.expiringCount, unit.targetCount)}</td>
              <td>{unit.targetCount}</td>
              <td>{unit.validCount}</td>
              <td>{unit.expiringCount}</td>
              <td>{unit.missingCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PeopleTable({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  if (coverage.people.length === 0) return <p>{t('training.everyoneValid')}</p>;
  return (
    <section aria-labelledby="coverage-people-title" className="panel">
      <h2 id="coverage-people-title">{t('training.peopleTitle')}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-labelledby="coverage-people-table">
        <table className="table">
          <caption id="coverage-people-table" className="visually-hidden">
            {t('training.peopleTitle')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('training.person')}</th>
              <th scope="col">{t('training.status')}</th>
              <th scope="col">{t('training.validUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.people.map((person) => (
              <tr key={person.personId}>
                <td>{person.name}</td>
                <td>{t(`training.${person.status}`)}</td>
                <td>{person.validUntil ? formatDate(person.validUntil) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
