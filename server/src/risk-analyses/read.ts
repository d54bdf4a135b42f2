import {
  overallRiskLevel,
  type Permission,
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
import { decodeCursor, toPage } from '../platform/cursor.ts';
import type { Db } from '../platform/database.ts';
import type { RiskAnalysisHazardTable, RiskAnalysisTable } from './tables.ts';

export type RiskAnalysisRow = Selectable<RiskAnalysisTable> & {
  unitPath: string | null;
  ownerName: string | null;
};
type HazardRow = Selectable<RiskAnalysisHazardTable>;

/** The analyses the actor may read: the owner's party or unit lies in the scope of the permission's grants. */
function selectRiskAnalyses(db: Db, actor: Actor, permission: Permission = 'risk_analyses.read') {
  return db
    .selectFrom('riskAnalyses as analysis')
    .leftJoin('orgUnits as unit', 'unit.id', 'analysis.ownerOrgUnitId')
    .leftJoin('parties as party', 'party.id', 'analysis.ownerPartyId')
    .selectAll('analysis')
    .select(['unit.path as unitPath'])
    .select((builder) => builder.fn.coalesce('party.name', 'unit.name').as('ownerName'))
    .where('analysis.tenantId', '=', actor.tenantId)
    .where((builder) =>
      scopeCondition(actor, permission, builder, {
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
  return presentAudited(db, actor, context, await getRiskAnalysisRow(db, actor, id), 'risk_analysis.read');
}

/**
 * An escalation still unanswered after the reminder fired: what the duty officer was told about
 * (`remindIfUnanswered`). Anything else, including the same analysis once answered, is not_found.
 * Audited as its own action, so the log shows the read came through the duty officer's notice.
 */
export async function getUnansweredEscalation(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
): Promise<RiskAnalysis> {
  const row = await selectRiskAnalyses(db, actor, 'risk_analyses.read_unanswered_escalation')
    .where('analysis.id', '=', id)
    .where('analysis.status', '=', 'escalated')
    .where('analysis.escalationRemindedAt', 'is not', null)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return presentAudited(db, actor, context, row, 'risk_analysis.read_unanswered_escalation');
}

async function presentAudited(
  db: Db,
  actor: Actor,
  context: AuditContext,
  row: RiskAnalysisRow,
  action: string,
): Promise<RiskAnalysis> {
  const id = row.id;
  const hazards = (await hazardsOf(db, [id])).get(id) ?? [];
  await recordAudit(db, context, { action, resourceType: 'risk_analysis', resourceId: id });
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

/**
 * The analyses the actor may read, soonest activity first (latest first with `latestFirst`): from
 * today on, or all with `includePast`.
 */
export async function findRiskAnalyses(db: Db, actor: Actor, query: RiskAnalysisListQuery) {
  const direction = query.latestFirst ? 'desc' : 'asc';
  let select = selectRiskAnalyses(db, actor);
  if (!query.includePast) select = select.where('analysis.startsAt', '>=', startOfTodayInStockholm());
  if (query.status) select = select.where('analysis.status', '=', query.status);
  if (query.after) {
    const [startsAt, id] = decodeCursor(query.after, 2) as [string, string];
    select = select.where((builder) =>
      builder(
        builder.refTuple('analysis.startsAt', 'analysis.id'),
        direction === 'asc' ? '>' : '<',
        builder.tuple(new Date(startsAt), id),
      ),
    );
  }
  const rows = await select
    .orderBy('analysis.startsAt', direction)
    .orderBy('analysis.id', direction)
    .limit(query.limit + 1)
    .execute();
  const hazards = await hazardsOf(
    db,
    rows.slice(0, query.limit).map((row) => row.id),
  );
  return toPage(
    rows,
    query.limit,
    (row) => presentSummary(row, hazards.get(row.id) ?? []),
    (row) => [new Date(row.startsAt).toISOString(), row.id],
  );
}
