import type { ActivityType, EscalationAnswer, RiskAnalysisStatus, RiskDecision } from '@varn/domain';
import type { Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface RiskAnalysisTable {
  id: Generated<string>;
  tenantId: string;
  activityType: ActivityType;
  title: string;
  startsAt: Date;
  place: Generated<string>;
  description: Generated<string>;
  ownerPartyId: string | null;
  ownerOrgUnitId: string | null;
  status: Generated<RiskAnalysisStatus>;
  decision: RiskDecision | null;
  decisionJustification: string | null;
  decidedAt: Date | null;
  decidedByPersonId: string | null;
  escalatedAt: Date | null;
  escalationRemindedAt: Date | null;
  escalationAnswer: EscalationAnswer | null;
  escalationComment: string | null;
  answeredAt: Date | null;
  answeredByPersonId: string | null;
  copiedFromId: string | null;
  createdByPersonId: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// Where and when an official or a member of staff will be, and what threatens them there, is what
// someone who means harm looks for: title, place, description and the judgements are sensitive.
export const riskAnalysisColumns = tagColumns<RiskAnalysisTable>('risk_analyses', {
  id: 'internal',
  tenantId: 'internal',
  activityType: 'internal',
  title: 'sensitive',
  startsAt: 'sensitive',
  place: 'sensitive',
  description: 'sensitive',
  ownerPartyId: 'internal',
  ownerOrgUnitId: 'internal',
  status: 'internal',
  decision: 'internal',
  decisionJustification: 'sensitive',
  decidedAt: 'internal',
  decidedByPersonId: 'personal',
  escalatedAt: 'internal',
  escalationRemindedAt: 'internal',
  escalationAnswer: 'internal',
  escalationComment: 'sensitive',
  answeredAt: 'internal',
  answeredByPersonId: 'personal',
  copiedFromId: 'internal',
  createdByPersonId: 'personal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface RiskAnalysisHazardTable {
  id: Generated<string>;
  tenantId: string;
  riskAnalysisId: string;
  position: number;
  hazard: string;
  measure: Generated<string>;
  likelihood: number | null;
  consequence: number | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
}
export const riskAnalysisHazardColumns = tagColumns<RiskAnalysisHazardTable>('risk_analysis_hazards', {
  id: 'internal',
  tenantId: 'internal',
  riskAnalysisId: 'internal',
  position: 'internal',
  hazard: 'sensitive',
  measure: 'sensitive',
  likelihood: 'internal',
  consequence: 'internal',
  residualLikelihood: 'internal',
  residualConsequence: 'internal',
});
