import type { RiskAnalysis } from '@varn/domain';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useRiskAnalysis, useUnansweredEscalation } from './api/get-risk-analyses.ts';
import { DecisionSection, EscalationSection } from './decision-section.tsx';
import { HazardMatrix } from './hazard-matrix.tsx';
import { RiskLevelBadge } from './risk-level.tsx';
import './risk-analyses.css';

/** What the page shows of another feature about the analysis (its measures); app/ fills it in. */
export type RiskAnalysisSlot = ComponentType<{ analysis: RiskAnalysis }>;

/** One analysis: overview, the matrix editor, measures with owners, decision and escalation. */
export function RiskAnalysisPage({ measures: Measures }: { measures: RiskAnalysisSlot }) {
  const { t } = useTranslation();
  const { riskAnalysisId = '' } = useParams();
  // Without `risk_analyses.read` the reader is the duty officer, here from the notice of an
  // escalation nobody has answered: they see the analysis (read-only) only while it waits.
  const canRead = useHasPermission('risk_analyses.read');
  const readable = useRiskAnalysis(riskAnalysisId, canRead);
  const waiting = useUnansweredEscalation(riskAnalysisId, !canRead);
  const analysis = canRead ? readable : waiting;
  const data = analysis.data;

  return (
    <>
      <p className="back-link">
        {canRead ? (
          <Link to={paths.riskAnalyses}>{t('riskAnalyses.page.back')}</Link>
        ) : (
          <Link to={paths.notifications}>{t('riskAnalyses.page.backToNotifications')}</Link>
        )}
      </p>
      <PageHeader
        title={data ? data.title : t('riskAnalyses.list.title')}
        intro={data ? t(`riskAnalyses.activityTypes.${data.activityType}`) : undefined}
        actions={
          data &&
          canRead && (
            <Link className="button button--secondary" to={paths.riskAnalysisPrint(data.id)}>
              {t('riskAnalyses.page.print')}
            </Link>
          )
        }
      />
      {analysis.isPending && <Loading />}
      {analysis.isError && <ProblemAlert error={analysis.error} />}
      {data && !canRead && <p className="panel">{t('riskAnalyses.page.unansweredEscalationNote')}</p>}
      {data && (
        <>
          <RiskAnalysisOverview analysis={data} />
          <HazardMatrix
            // A saved or answered analysis starts the editor afresh from what the server holds.
            key={`${data.status}-${data.hazards.length}-${data.decidedAt}`}
            analysis={data}
            canEdit={data.mayManage && data.status !== 'escalated'}
          />
          {canRead && <Measures analysis={data} />}
          <DecisionSection analysis={data} />
          <EscalationSection analysis={data} />
        </>
      )}
    </>
  );
}

/** Owner, time, place, status and levels: the analysis at a glance (also on the printout). */
export function RiskAnalysisOverview({ analysis }: { analysis: RiskAnalysis }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="risk-overview-title" className="panel">
      <h2 id="risk-overview-title">{t('riskAnalyses.page.overview')}</h2>
      <dl className="details">
        <dt>{t('riskAnalyses.page.owner')}</dt>
        <dd>{analysis.owner.name}</dd>
        <dt>{t('riskAnalyses.page.startsAt')}</dt>
        <dd>
          <time dateTime={analysis.startsAt}>{formatDateTime(analysis.startsAt)}</time>
        </dd>
        {analysis.place && (
          <>
            <dt>{t('riskAnalyses.page.place')}</dt>
            <dd>{analysis.place}</dd>
          </>
        )}
        <dt>{t('riskAnalyses.page.status')}</dt>
        <dd>{t(`riskAnalyses.statuses.${analysis.status}`)}</dd>
        <dt>{t('riskAnalyses.page.riskLevel')}</dt>
        <dd>
          <RiskLevelBadge level={analysis.riskLevel} />
        </dd>
        <dt>{t('riskAnalyses.page.residualRiskLevel')}</dt>
        <dd>
          <RiskLevelBadge level={analysis.residualRiskLevel} />
        </dd>
      </dl>
      {analysis.description && <p className="risk-text">{analysis.description}</p>}
    </section>
  );
}
