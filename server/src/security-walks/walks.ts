import {
  answerMismatch,
  type DeviationMeasureInput,
  deviationMeasureDraft,
  type FieldError,
  type FinishWalkInput,
  type Measure,
  questionsOf,
  type SecurityWalk,
  type SecurityWalkInput,
  type WalkAnswersInput,
} from '@varn/domain';
import { type Actor, authorize } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { createMeasure } from '../measures/measures.ts';
import { AppError, fieldError, unknownReference } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { findWalkPhotos } from './photos.ts';
import { getWalkRow, getWalkToChange, type WalkRow } from './read.ts';
import { getCurrentTemplateVersion, presentTemplateVersion } from './templates.ts';

async function presentWalk(db: Db, row: WalkRow): Promise<SecurityWalk> {
  const version = await db
    .selectFrom('checklistTemplateVersions')
    .selectAll()
    .where('id', '=', row.templateVersionId)
    .executeTakeFirstOrThrow();
  const answers = await db
    .selectFrom('securityWalkAnswers')
    .select(['questionKey', 'result', 'number', 'note', 'measureId'])
    .where('walkId', '=', row.id)
    .execute();
  return {
    id: row.id,
    siteId: row.siteId,
    siteName: row.siteName,
    unitId: row.unitId,
    walkedOn: row.walkedOn,
    status: row.status,
    participants: row.participants,
    template: presentTemplateVersion(version),
    answers,
    photos: await findWalkPhotos(db, row.id),
    summary: row.summary,
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** One walk with its checklist (the version it was walked with) and answers; the read is audited. */
export async function getSecurityWalk(db: Db, actor: Actor, context: AuditContext, id: string) {
  const row = await getWalkRow(db, actor, id);
  // The findings describe where an address is weak: who read them is recorded.
  await recordAudit(db, context, { action: 'security_walk.read', resourceType: 'security_walk', resourceId: id });
  return presentWalk(db, row);
}

/** Starts a walk of a site with the current version of a template; the walk keeps that version. */
export async function createSecurityWalk(
  db: Db,
  actor: Actor,
  context: AuditContext,
  input: SecurityWalkInput,
): Promise<SecurityWalk> {
  const site = await db
    .selectFrom('sites as site')
    .innerJoin('orgUnits as unit', 'unit.id', 'site.unitId')
    .select(['site.id', 'unit.path as unitPath'])
    .where('site.tenantId', '=', actor.tenantId)
    .where('site.id', '=', input.siteId)
    .executeTakeFirst();
  if (!site) throw unknownReference('siteId');
  authorize(actor, 'security_walks.manage', { orgUnitPath: site.unitPath });
  const version = await getCurrentTemplateVersion(db, actor.tenantId, input.templateId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? unknownReference('templateId') : error;
  });
  const { id } = await db
    .insertInto('securityWalks')
    .values({
      tenantId: actor.tenantId,
      siteId: site.id,
      templateVersionId: version.id,
      walkedOn: input.walkedOn,
      participants: JSON.stringify(input.participants),
      createdByPersonId: actor.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, context, {
    action: 'security_walk.create',
    resourceType: 'security_walk',
    resourceId: id,
    details: { siteId: site.id, templateVersionId: version.id },
  });
  return presentWalk(db, await getWalkRow(db, actor, id));
}

/** Saves answers (each replaces the question's earlier answer) while the walk is in progress. */
export async function saveWalkAnswers(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  input: WalkAnswersInput,
): Promise<SecurityWalk> {
  const row = await getWalkToChange(db, actor, id);
  if (row.status === 'finished') throw new AppError('security_walk_finished');
  const version = await db
    .selectFrom('checklistTemplateVersions')
    .select('sections')
    .where('id', '=', row.templateVersionId)
    .executeTakeFirstOrThrow();
  const questions = new Map(questionsOf(version).map((question) => [question.key, question]));
  const errors: FieldError[] = [];
  input.answers.forEach((answer, index) => {
    const question = questions.get(answer.questionKey);
    const mismatch = question ? answerMismatch(question, answer) : null;
    if (!question) {
      errors.push(
        fieldError(
          `answers.${index}.questionKey`,
          'unknown_question',
          'Not in this checklist',
          'Finns inte i checklistan',
        ),
      );
    } else if (mismatch) {
      errors.push(
        fieldError(
          `answers.${index}.${mismatch}`,
          'answer_type_mismatch',
          'Does not fit the question',
          'Passar inte frågan',
        ),
      );
    }
  });
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  for (const answer of input.answers) {
    const values = { result: answer.result, number: answer.number, note: answer.note, updatedAt: new Date() };
    await db
      .insertInto('securityWalkAnswers')
      .values({ walkId: id, questionKey: answer.questionKey, tenantId: actor.tenantId, ...values })
      .onConflict((conflict) => conflict.columns(['walkId', 'questionKey']).doUpdateSet(values))
      .execute();
  }
  await db.updateTable('securityWalks').set({ updatedAt: new Date() }).where('id', '=', id).execute();
  await recordAudit(db, context, {
    action: 'security_walk.answer',
    resourceType: 'security_walk',
    resourceId: id,
    details: { questionKeys: input.answers.map((answer) => answer.questionKey) },
  });
  return presentWalk(db, await getWalkRow(db, actor, id));
}

/** Finishes the walk with its summary; after that its answers stand as walked. */
export async function finishSecurityWalk(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  input: FinishWalkInput,
): Promise<SecurityWalk> {
  const row = await getWalkToChange(db, actor, id);
  if (row.status === 'finished') throw new AppError('security_walk_finished');
  const now = new Date();
  await db
    .updateTable('securityWalks')
    .set({ status: 'finished', summary: input.summary, finishedAt: now, updatedAt: now })
    .where('id', '=', id)
    .execute();
  await recordAudit(db, context, { action: 'security_walk.finish', resourceType: 'security_walk', resourceId: id });
  return presentWalk(db, await getWalkRow(db, actor, id));
}

/**
 * Turns a deviation into a measure in one call: title and description come from the question, the
 * site and the walk's note, the responsible unit is the site's. Also after the walk is finished.
 */
export async function createDeviationMeasure(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  id: string,
  questionKey: string,
  input: DeviationMeasureInput,
): Promise<Measure> {
  const row = await getWalkToChange(db, actor, id);
  const answer = await db
    .selectFrom('securityWalkAnswers')
    .select(['note', 'measureId'])
    .where('walkId', '=', id)
    .where('questionKey', '=', questionKey)
    .where('result', '=', 'deviation')
    // Two simultaneous clicks must not make two measures of one deviation.
    .forUpdate()
    .executeTakeFirst();
  if (!answer) throw new AppError('not_found');
  if (answer.measureId) throw new AppError('deviation_has_measure');
  const version = await db
    .selectFrom('checklistTemplateVersions')
    .select('sections')
    .where('id', '=', row.templateVersionId)
    .executeTakeFirstOrThrow();
  const question = questionsOf(version).find((candidate) => candidate.key === questionKey);
  if (!question) throw new AppError('not_found');
  const draft = deviationMeasureDraft(question, row.siteName, answer.note);
  const measure = await createMeasure(db, jobs, actor, context, 'security_walk', id, {
    title: input.title ?? draft.title,
    description: input.description ?? draft.description,
    category: input.category,
    ownerPersonId: input.ownerPersonId,
    orgUnitId: null,
    // The walked site: the deviation's measure belongs in the site's action plan.
    siteId: row.siteId,
    dueOn: input.dueOn,
    estimatedCostOre: null,
  });
  await db
    .updateTable('securityWalkAnswers')
    .set({ measureId: measure.id, updatedAt: new Date() })
    .where('walkId', '=', id)
    .where('questionKey', '=', questionKey)
    .execute();
  return measure;
}
