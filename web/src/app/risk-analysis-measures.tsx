import { useQueryClient } from '@tanstack/react-query';
import type { RiskAnalysis } from '@varn/domain';
import type { MeasureSourceRef } from '../measures/api/measures.ts';
import { MeasureSummaryList, MeasuresSection } from '../measures/measures-section.tsx';
import { riskAnalysisQueryKey } from '../risk-analyses/api/get-risk-analyses.ts';

const sourceOf = (analysis: RiskAnalysis): MeasureSourceRef => ({
  kind: 'risk_analysis',
  id: analysis.id,
  unitId: analysis.owner.kind === 'org_unit' ? analysis.owner.id : null,
  partyId: analysis.owner.kind === 'party' ? analysis.owner.id : null,
});

/** The measures feature on the risk analysis page: measures with owners, decided by its managers. */
export function RiskAnalysisMeasures({ analysis }: { analysis: RiskAnalysis }) {
  const queryClient = useQueryClient();
  return (
    <MeasuresSection
      source={sourceOf(analysis)}
      canHandle={analysis.mayManage}
      onChange={() => queryClient.invalidateQueries({ queryKey: riskAnalysisQueryKey(analysis.id), exact: true })}
    />
  );
}

/** The analysis's measures on its printable page. */
export function RiskAnalysisMeasureSummary({ analysis }: { analysis: RiskAnalysis }) {
  return <MeasureSummaryList source={sourceOf(analysis)} />;
}
