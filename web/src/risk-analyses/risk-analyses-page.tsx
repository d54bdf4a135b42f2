import type { RiskAnalysisSummary } from '@varn/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate, formatDateTime } from '../shared/ui/format-date.ts';
import { LoadMore } from '../shared/ui/load-more.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useRiskAnalyses } from './api/get-risk-analyses.ts';
import { RiskLevelBadge } from './risk-level.tsx';
import './risk-analyses.css';

/** The analyses grouped by the activity's day in Stockholm, in order: a calendar read as a list. */
function byDay(items: readonly RiskAnalysisSummary[]): [string, RiskAnalysisSummary[]][] {
  const days = new Map<string, RiskAnalysisSummary[]>();
  for (const item of items) {
    const day = formatDate(item.startsAt);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days.entries()];
}

const weekdayFormat = (language: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', {
    timeZone: 'Europe/Stockholm',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });

/** "Riskanalyser": upcoming activities, day by day, each with its risk level in words and colour. */
export function RiskAnalysesPage() {
  const { t, i18n } = useTranslation();
  const [includePast, setIncludePast] = useState(false);
  const analyses = useRiskAnalyses(includePast);
  const canCreate = useHasPermission('risk_analyses.manage');
  const checkboxId = useId();
  const items = analyses.data?.pages.flatMap((page) => page.items) ?? [];
  const dayTitle = weekdayFormat(i18n.language);

  return (
    <>
      <PageHeader
        title={t('riskAnalyses.list.title')}
        intro={t('riskAnalyses.list.intro')}
        actions={
          canCreate && (
            <Link className="button button--primary" to={paths.newRiskAnalysis}>
              {t('riskAnalyses.list.create')}
            </Link>
          )
        }
      />
      <div className="choice">
        <input
          id={checkboxId}
          type="checkbox"
          className="field__checkbox"
          checked={includePast}
          onChange={(event) => setIncludePast(event.target.checked)}
        />
        <label htmlFor={checkboxId} className="choice__label">
          {t('riskAnalyses.list.includePast')}
        </label>
      </div>
      <section aria-labelledby="risk-analyses-list-title">
        <h2 id="risk-analyses-list-title">{t('riskAnalyses.list.listTitle')}</h2>
        {analyses.isPending && <Loading />}
        {analyses.isError && <ProblemAlert error={analyses.error} />}
        {analyses.isSuccess && items.length === 0 && <p>{t('riskAnalyses.list.empty')}</p>}
        {byDay(items).map(([day, dayItems]) => (
          <section key={day} className="risk-day">
            <h3>
              <time dateTime={day}>{dayTitle.format(new Date(dayItems[0]?.startsAt ?? day))}</time>
            </h3>
            <ul className="card-list">
              {dayItems.map((analysis) => (
                <RiskAnalysisCard key={analysis.id} analysis={analysis} />
              ))}
            </ul>
          </section>
        ))}
        {analyses.isSuccess && <LoadMore query={analyses} count={items.length} />}
      </section>
    </>
  );
}

function RiskAnalysisCard({ analysis }: { analysis: RiskAnalysisSummary }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <h4 className="card__title">
        <Link to={paths.riskAnalysis(analysis.id)}>{analysis.title}</Link>
      </h4>
      <p className="card__meta">
        <time dateTime={analysis.startsAt}>{formatDateTime(analysis.startsAt)}</time>
        {' · '}
        {t(`riskAnalyses.activityTypes.${analysis.activityType}`)}
        {' · '}
        {analysis.owner.name}
        {' · '}
        {t(`riskAnalyses.statuses.${analysis.status}`)}
      </p>
      <div className="risk-card__levels">
        <RiskLevelBadge level={analysis.riskLevel} labelKey="riskAnalyses.list.risk" />
        {analysis.residualRiskLevel && (
          <RiskLevelBadge level={analysis.residualRiskLevel} labelKey="riskAnalyses.list.residual" />
        )}
      </div>
    </li>
  );
}
