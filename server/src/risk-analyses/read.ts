import {
  overallRiskLevel,
  type RiskAnalysis,
  type RiskAnalysisListQuery,
  type RiskAnalysisSummary,
  type RiskHazard,
  riskLevelOf,
  riskScore,
} from '@varn/domain';
import type { Selectable } from 'kysely';
import { type Actor, can, isInScope, scopeCondition, scopeOf } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { RiskAnalysisHazardTable, RiskAnalysisTable } from './tables.ts';

export type RiskAnalysisRow = Selectable<RiskAnalysisTable> & {
  unitPath: string | null;
  ownerName: string | null;
};
type HazardRow = Selectable<RiskAnalysisHazardTable>;

/** The analyses the actor may read: the owner's party or unit lies in the grant's scope. */
function selectRiskAnalyses(db: Db, actor: Actor) {
  return db
    .selectFrom('riskAnalyses as analysis')
    .leftJoin('orgUnits as unit', 'unit.id', 'analysis.ownerOrgUnitId')
    .leftJoin('parties as party', 'party.id', 'analysis.ownerPartyId')
    .selectAll('analysis')
    .select(['unit.path as unitPath'])
    .select((builder) => builder.fn.coalesce('party.name', 'unit.name').as('ownerName'))
    .where('analysis.tenantId', '=', actor.tenantId)
    .where((builder) =>
      scopeCondition(actor, 'risk_analyses.read', builder, {
        orgUnitPath: builder.ref('unit.path'),
        partyId: builder.ref('analysis.ownerPartyId'),
      }),
    );
}

/** The analysis in the actor's read scope, or not_found (out of scope answers exactly as missing). */
export async function getRiskAnalysisRow(db: Db, actor: Actor, id: string): Promise<RiskAnalysisRow> {
  const row = await selectRiskAnalyses(db, actor).where('analysis.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** Whether the actor may change the analysis: its owner lies in their `risk_analyses.manage` scope. */
export function mayManage(actor: Actor, row: RiskAnalysisRow): boolean {
  return isInScope(actor, scopeOf(actor, 'risk_analyses.manage'), {
    orgUnitPath: row.unitPath,
    partyId: row.ownerPartyId,
  });
}

function presentHazard(row: HazardRow): RiskHazard {
  const score = row.likelihood && row.consequence ? riskScore(row.likelihood, row.consequence) : null;
  const residualScore =
    row.residualLikelihood && row.residualConsequence
      ? riskScore(row.residualLikelihood, row.residualConsequence)
      : null;
  return {
    hazard: row.hazard,
    measure: row.measure,
    likelihood: row.likelihood,
    consequence: row.consequence,
    score,
    level: score === null ? null : riskLevelOf(score),
    residualLikelihood: row.residualLikelihood,
    residualConsequence: row.residualConsequence,
    residualScore,
    residualLevel: residualScore === null ? null : riskLevelOf(residualScore),
  };
}

function presentSummary(row: RiskAnalysisRow, hazards: readonly HazardRow[]): RiskAnalysisSummary {
  return {
    id: row.id,
    activityType: row.activityType,
    title: row.title,
    startsAt: new Date(row.startsAt).toISOString(),
    place: row.place,
    owner: row.ownerPartyId
      ? { kind: 'party', id: row.ownerPartyId, name: row.ownerName ?? '' }
      : { kind: 'org_unit', id: row.ownerOrgUnitId as string, name: row.ownerName ?? '' },
    status: row.status,
    decision: row.decision,
    riskLevel: overallRiskLevel(hazards),
    residualRiskLevel: overallRiskLevel(
      hazards.map((hazard) => ({ likelihood: hazard.residualLikelihood, consequence: hazard.residualConsequence })),
    ),
  };
}

async function hazardsOf(db: Db, analysisIds: readonly string[]): Promise<Map<string, HazardRow[]>> {
  const byAnalysis = new Map<string, HazardRow[]>(analysisIds.map((id) => [id, []]));
  if (analysisIds.length === 0) return byAnalysis;
  const rows = await db
    .selectFrom('riskAnalysisHazards')
    .selectAll()
    .where('riskAnalysisId', 'in', analysisIds)
    .orderBy('position')
    .execute();
  for (const row of rows) byAnalysis.get(row.riskAnalysisId)?.push(row);
  return byAnalysis;
}

async function nameOf(db: Db, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  const person = await db
    .selectFrom('people')
    .select(['givenName', 'familyName'])
    .where('id', '=', personId)
    .executeTakeFirst();
  return person ? `${person.givenName} ${person.familyName}` : null;
}

const isoOrNull = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** One analysis with its hazards. Where and when someone will be is sensitive: every read is audited. */
export async function getRiskAnalysis(db: Db, actor: Actor, context: AuditContext, id: string): Promise<RiskAnalysis> {
  const row = await getRiskAnalysisRow(db, actor, id);
  const hazards = (await hazardsOf(db, [id])).get(id) ?? [];
  await recordAudit(db, context, { action: 'risk_analysis.read', resourceType: 'risk_analysis', resourceId: id });
  return {
    ...presentSummary(row, hazards),
    description: row.description,
    hazards: hazards.map(presentHazard),
    decisionJustification: row.decisionJustification,
    decidedAt: isoOrNull(row.decidedAt),
    decidedBy: await nameOf(db, row.decidedByPersonId),
    escalatedAt: isoOrNull(row.escalatedAt),
    escalationAnswer: row.escalationAnswer,
    escalationComment: row.escalationComment,
    answeredAt: isoOrNull(row.answeredAt),
    answeredBy: await nameOf(db, row.answeredByPersonId),
    createdAt: new Date(row.createdAt).toISOString(),
    mayManage: mayManage(actor, row),
    mayAnswer: row.status === 'escalated' && can(actor, 'risk_analyses.answer_escalation'),
  };
}

/** Midnight of today in Stockholm, as an instant: "upcoming" starts with today's activities. */
export function startOfTodayInStockholm(now = new Date()): Date {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
  const hourFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit' });
  // Stockholm is UTC+1 in winter and UTC+2 in summer: the candidate that reads 00 there is midnight.
  const candidates = [1, 2].map((offset) => new Date(Date.parse(`${day}T00:00:00Z`) - offset * 3_600_000));
  return candidates.find((candidate) => hourFormat.format(candidate) === '00') ?? (candidates[0] as Date);
}

/** The largest list the calendar shows at once; older and further activities are found by filter. */
const listLimit = 200;

/** The analyses the actor may read, soonest activity first: from today on, or all with `includePast`. */
export async function findRiskAnalyses(db: Db, actor: Actor, query: RiskAnalysisListQuery) {
  let select = selectRiskAnalyses(db, actor);
  if (!query.includePast) select = select.where('analysis.startsAt', '>=', startOfTodayInStockholm());
  if (query.status) select = select.where('analysis.status', '=', query.status);
  const rows = await select.orderBy('analysis.startsAt').orderBy('analysis.id').limit(listLimit).execute();
  const hazards = await hazardsOf(
    db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => presentSummary(row, hazards.get(row.id) ?? [])) };
}
