import type { ThreatCaseSummary } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { LoadMore } from '../shared/ui/load-more.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useThreatCases } from './api/get-threat-cases.ts';
import { LevelBadge } from './level-badge.tsx';
import './threat-cases.css';

/** "Hotbildsärenden": the cases the reader is on the access list of, most recently changed first. */
export function ThreatCasesPage() {
  const { t } = useTranslation();
  const canManage = useHasPermission('threat_cases.manage');
  const cases = useThreatCases();
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('threatCases.list.title')}
        intro={t('threatCases.list.intro')}
        actions={
          canManage && (
            <Link className="button button--primary" to={paths.newThreatCase}>
              {t('threatCases.list.new')}
            </Link>
          )
        }
      />
      <section aria-labelledby="threat-cases-list-title">
        <h2 id="threat-cases-list-title" className="visually-hidden">
          {t('threatCases.list.listTitle')}
        </h2>
        {cases.isPending && <Loading />}
        {cases.isError && <ProblemAlert error={cases.error} />}
        {cases.isSuccess && items.length === 0 && <p>{t('threatCases.list.empty')}</p>}
        {items.length > 0 && (
          <ul className="card-list">
            {items.map((threatCase) => (
              <ThreatCaseCard key={threatCase.id} threatCase={threatCase} />
            ))}
          </ul>
        )}
        <LoadMore query={cases} count={items.length} />
      </section>
    </>
  );
}

function ThreatCaseCard({ threatCase }: { threatCase: ThreatCaseSummary }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <h3 className="card__title">
        <Link to={paths.threatCase(threatCase.id)}>{threatCase.title}</Link>
      </h3>
      <p>
        <LevelBadge level={threatCase.currentLevel} />{' '}
        {threatCase.isReviewDue && <span className="level level--high">{t('threatCases.list.reviewDue')}</span>}
      </p>
      <p className="card__meta">
        {t('threatCases.list.unit', { unit: threatCase.unitName })}
        {' · '}
        {t('threatCases.list.assessmentCount', { count: threatCase.assessmentCount })}
        {threatCase.nextReviewOn && (
          <>
            {' · '}
            {t('threatCases.list.reviewOn', { date: formatDate(threatCase.nextReviewOn) })}
          </>
        )}
      </p>
    </li>
  );
}
