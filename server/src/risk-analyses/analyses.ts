import {
  activityTemplates,
  type EscalationAnswerInput,
  type RiskAnalysisCreate,
  type RiskDecisionInput,
  type RiskHazardInput,
} from '@varn/domain';
import { type Actor, authorize } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { countLiveMeasures } from '../measures/measures.ts';
import { notify } from '../notifications/notify.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { escalateToSecurityDepartment } from './escalation.ts';
import { getRiskAnalysisRow, mayManage, type RiskAnalysisRow } from './read.ts';

const refused = (path: string, code: string, en: string, sv: string) =>
  new AppError('validation_failed', { errors: [fieldError(path, code, en, sv)] });

/** The owner named in a new analysis, checked against the actor's scope to manage analyses. */
async function resolveOwner(db: Db, actor: Actor, owner: RiskAnalysisCreate['owner']) {
  if (owner.kind === 'party') {
    const party = await db
      .selectFrom('parties')
      .select('id')
      .where('tenantId', '=', actor.tenantId)
      .where('id', '=', owner.partyId)
      .executeTakeFirst();
    if (!party) throw refused('owner.partyId', 'unknown_reference', 'Not found', 'Hittades inte');
    authorizeOwner(actor, { partyId: party.id }, 'owner.partyId');
    return { ownerPartyId: party.id, ownerOrgUnitId: null };
  }
  const unit = await db
    .selectFrom('orgUnits')
    .select(['id', 'path'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', owner.orgUnitId)
    .executeTakeFirst();
  if (!unit) throw refused('owner.orgUnitId', 'unknown_reference', 'Not found', 'Hittades inte');
  authorizeOwner(actor, { orgUnitPath: unit.path }, 'owner.orgUnitId');
  return { ownerPartyId: null, ownerOrgUnitId: unit.id };
}

function authorizeOwner(actor: Actor, resource: { partyId?: string; orgUnitPath?: string }, path: string) {
  try {
    authorize(actor, 'risk_analyses.manage', resource);
  } catch {
    // Naming an owner outside one's scope is bad input, not a missing record: say which field.
    throw refused(
      path,
      'out_of_scope',
      'You cannot make analyses for this owner',
      'Du kan inte göra analyser åt denna ägare',
    );
  }
}

/** The hazards a new analysis starts with: the template's, or a copy of an earlier analysis's. */
async function startingHazards(db: Db, actor: Actor, input: RiskAnalysisCreate): Promise<RiskHazardInput[]> {
  if (input.copyFromId) {
    let earlier: RiskAnalysisRow;
    try {
      earlier = await getRiskAnalysisRow(db, actor, input.copyFromId);
    } catch {
      throw refused('copyFromId', 'unknown_reference', 'Not found', 'Hittades inte');
    }
    return db
      .selectFrom('riskAnalysisHazards')
      .select(['hazard', 'measure', 'likelihood', 'consequence', 'residualLikelihood', 'residualConsequence'])
      .where('riskAnalysisId', '=', earlier.id)
      .orderBy('position')
      .execute();
  }
  return activityTemplates[input.activityType].map(({ hazard, measure }) => ({
    hazard: hazard[input.language],
    measure: measure[input.language],
    likelihood: null,
    consequence: null,
    residualLikelihood: null,
    residualConsequence: null,
  }));
}

async function replaceHazards(db: Db, tenantId: string, riskAnalysisId: string, hazards: readonly RiskHazardInput[]) {
  await db.deleteFrom('riskAnalysisHazards').where('riskAnalysisId', '=', riskAnalysisId).execute();
  if (hazards.length === 0) return;
  await db
    .insertInto('riskAnalysisHazards')
    .values(hazards.map((hazard, position) => ({ ...hazard, tenantId, riskAnalysisId, position })))
    .execute();
}

/** A new analysis for an activity, starting from its template (or the last one of a recurring activity). */
export async function createRiskAnalysis(
  db: Db,
  actor: Actor,
  context: AuditContext,
  input: RiskAnalysisCreate,
): Promise<string> {
  const owner = await resolveOwner(db, actor, input.owner);
  const hazards = await startingHazards(db, actor, input);
  const { id } = await db
    .insertInto('riskAnalyses')
    .values({
      tenantId: actor.tenantId,
      activityType: input.activityType,
      title: input.title,
      startsAt: new Date(input.startsAt),
      place: input.place,
      description: input.description,
      ...owner,
      copiedFromId: input.copyFromId,
      createdByPersonId: actor.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceHazards(db, actor.tenantId, id, hazards);
  await recordAudit(db, context, {
    action: 'risk_analysis.create',
    resourceType: 'risk_analysis',
    resourceId: id,
    details: { activityType: input.activityType, copiedFromId: input.copyFromId },
  });
  return id;
}

/** The analysis in the actor's scope to manage; read-only readers and outsiders get not_found. */
async function requireManaged(db: Db, actor: Actor, id: string): Promise<RiskAnalysisRow> {
  const row = await getRiskAnalysisRow(db, actor, id);
  if (!mayManage(actor, row)) throw new AppError('not_found');
  return row;
}

/** Saves the rated hazards; while the security department has an escalation, the analysis waits. */
export async function updateHazards(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  hazards: readonly RiskHazardInput[],
): Promise<void> {
  const row = await requireManaged(db, actor, id);
  if (row.status === 'escalated') {
    throw refused(
      'hazards',
      'awaiting_answer',
      'The analysis waits for the security department’s answer',
      'Analysen väntar på säkerhetsavdelningens svar',
    );
  }
  await replaceHazards(db, actor.tenantId, id, hazards);
  await db.updateTable('riskAnalyses').set({ updatedAt: new Date() }).where('id', '=', id).execute();
  await recordAudit(db, context, {
    action: 'risk_analysis.hazards_update',
    resourceType: 'risk_analysis',
    resourceId: id,
    details: { hazardCount: hazards.length },
  });
}

/**
 * Records the decision. "Go with measures" needs a measure with an owner; "escalate" sends the
 * analysis to the security department, which must answer.
 */
export async function decideRiskAnalysis(
  db: Db,
  jobs: JobQueue,
  reminderHours: number,
  actor: Actor,
  context: AuditContext,
  id: string,
  input: RiskDecisionInput,
): Promise<void> {
  const row = await requireManaged(db, actor, id);
  if (row.status === 'escalated') {
    throw refused(
      'decision',
      'awaiting_answer',
      'The analysis waits for the security department’s answer',
      'Analysen väntar på säkerhetsavdelningens svar',
    );
  }
  if (
    input.decision === 'go_with_measures' &&
    (await countLiveMeasures(db, actor.tenantId, 'risk_analysis', id)) === 0
  ) {
    throw refused(
      'decision',
      'measures_missing',
      'Add the measures, each with an owner, first',
      'Lägg först till åtgärderna, var och en med en ansvarig',
    );
  }
  const now = new Date();
  const isEscalation = input.decision === 'escalate';
  await db
    .updateTable('riskAnalyses')
    .set({
      decision: input.decision,
      decisionJustification: input.justification,
      decidedAt: now,
      decidedByPersonId: actor.personId,
      status: isEscalation ? 'escalated' : 'decided',
      escalatedAt: isEscalation ? now : row.escalatedAt,
      escalationRemindedAt: isEscalation ? null : row.escalationRemindedAt,
      escalationAnswer: isEscalation ? null : row.escalationAnswer,
      escalationComment: isEscalation ? null : row.escalationComment,
      answeredAt: isEscalation ? null : row.answeredAt,
      answeredByPersonId: isEscalation ? null : row.answeredByPersonId,
      updatedAt: now,
    })
    .where('id', '=', id)
    .execute();
  if (isEscalation) {
    await escalateToSecurityDepartment(
      db,
      jobs,
      { tenantId: actor.tenantId, riskAnalysisId: id, escalatedAt: now.toISOString() },
      reminderHours,
      actor.personId,
    );
  }
  await recordAudit(db, context, {
    action: 'risk_analysis.decide',
    resourceType: 'risk_analysis',
    resourceId: id,
    details: { decision: input.decision },
  });
}

/** The security department's answer to an escalation; the one who escalated is told. */
export async function answerEscalation(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  id: string,
  input: EscalationAnswerInput,
): Promise<void> {
  const row = await getRiskAnalysisRow(db, actor, id);
  authorize(actor, 'risk_analyses.answer_escalation', { orgUnitPath: row.unitPath, partyId: row.ownerPartyId });
  if (row.status !== 'escalated') {
    throw refused('answer', 'not_escalated', 'The analysis is not escalated', 'Analysen är inte eskalerad');
  }
  await db
    .updateTable('riskAnalyses')
    .set({
      status: 'answered',
      escalationAnswer: input.answer,
      escalationComment: input.comment,
      answeredAt: new Date(),
      answeredByPersonId: actor.personId,
      updatedAt: new Date(),
    })
    .where('id', '=', id)
    .execute();
  const escalatedBy = row.decidedByPersonId;
  if (escalatedBy && escalatedBy !== actor.personId) {
    await notify(db, jobs, actor.tenantId, [escalatedBy], {
      kind: 'risk_analysis_escalation_answered',
      riskAnalysisId: id,
      status: input.answer,
    });
  }
  await recordAudit(db, context, {
    action: 'risk_analysis.answer_escalation',
    resourceType: 'risk_analysis',
    resourceId: id,
    details: { answer: input.answer },
  });
}
