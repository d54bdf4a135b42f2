import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../shared/paths.ts';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useRiskAnalysis } from './api/get-risk-analyses.ts';
import { ReadOnlyHazards } from './hazard-matrix.tsx';
import type { RiskAnalysisSlot } from './risk-analysis-page.tsx';
import { RiskAnalysisOverview } from './risk-analysis-page.tsx';
import './risk-analyses.css';

/** The analysis on one printable page: overview, rated hazards, measures, decision and answer. */
export function RiskAnalysisPrintPage({ measures: Measures }: { measures: RiskAnalysisSlot }) {
  const { t } = useTranslation();
  const { riskAnalysisId = '' } = useParams();
  const analysis = useRiskAnalysis(riskAnalysisId);
  const data = analysis.data;

  return (
    <div className="risk-sheet">
      <p className="back-link">
        <Link to={paths.riskAnalysis(riskAnalysisId)}>{data?.title ?? t('riskAnalyses.page.back')}</Link>
      </p>
      <PageHeader
        title={data ? t('riskAnalyses.print.title', { title: data.title }) : t('riskAnalyses.list.title')}
        intro={data ? t(`riskAnalyses.activityTypes.${data.activityType}`) : undefined}
      />
      {analysis.isPending && <Loading />}
      {analysis.isError && <ProblemAlert error={analysis.error} />}
      {data && (
        <>
          <p className="risk-sheet__actions">
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t('riskAnalyses.print.print')}
            </button>
          </p>
          <RiskAnalysisOverview analysis={data} />
          <section aria-labelledby="risk-sheet-hazards" className="panel">
            <h2 id="risk-sheet-hazards">{t('riskAnalyses.print.hazards')}</h2>
            <ReadOnlyHazards analysis={data} />
          </section>
          <Measures analysis={data} />
          <section aria-labelledby="risk-sheet-decision" className="panel">
            <h2 id="risk-sheet-decision">{t('riskAnalyses.decision.title')}</h2>
            {data.decision && data.decidedAt && (
              <p>
                {t('riskAnalyses.decision.current', {
                  decision: t(`riskAnalyses.decisions.${data.decision}`),
                  date: formatDateTime(data.decidedAt),
                  person: data.decidedBy ?? '',
                })}
              </p>
            )}
            {data.decisionJustification && <p className="risk-text">{data.decisionJustification}</p>}
            {data.escalationAnswer && data.answeredAt && (
              <p>
                {t('riskAnalyses.escalation.current', {
                  answer: t(`riskAnalyses.answers.${data.escalationAnswer}`),
                  date: formatDateTime(data.answeredAt),
                  person: data.answeredBy ?? '',
                })}
              </p>
            )}
            {data.escalationComment && <p className="risk-text">{data.escalationComment}</p>}
          </section>
          <p className="field__hint">{t('riskAnalyses.print.printedAt', { date: formatDateTime(new Date()) })}</p>
        </>
      )}
    </div>
  );
}
