import {
  type ActionPlan,
  type ActionPlanStage,
  actionPlanStageOf,
  actionPlanStages,
  type Measure,
  measureCategories,
  todayInStockholm,
} from '@varn/domain';
import { type Actor, authorize, scopeCondition } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { findScopedUnit, presentMeasure, selectMeasures } from './measures.ts';

export type ActionPlanSubject = { kind: 'administration' | 'site'; id: string };

/** Cancelled measures are left out: the plan is what is done, under way and planned. */
function group(measures: Measure[]): Pick<ActionPlan, 'counts' | 'categories'> {
  const counts = { done: 0, under_way: 0, planned: 0 };
  const byCategory = new Map<string, Map<ActionPlanStage, Measure[]>>();
  for (const measure of measures) {
    const stage = actionPlanStageOf(measure.status);
    if (!stage) continue;
    counts[stage] += 1;
    const stages = byCategory.get(measure.category) ?? new Map<ActionPlanStage, Measure[]>();
    byCategory.set(measure.category, stages);
    stages.set(stage, [...(stages.get(stage) ?? []), measure]);
  }
  const categories = measureCategories.flatMap((category) => {
    const stages = byCategory.get(category);
    if (!stages) return [];
    return [
      {
        category,
        stages: actionPlanStages.flatMap((stage) => {
          const inStage = stages.get(stage);
          return inStage ? [{ stage, measures: inStage }] : [];
        }),
      },
    ];
  });
  return { counts, categories };
}

/**
 * The action plan of an administration (every measure whose responsible unit lies in its subtree)
 * or of a site (every measure about the address), in the actor's `measures.read` scope; out of
 * scope the subject does not exist. Reading a plan is audited: it compiles sensitive texts.
 */
export async function buildActionPlan(
  db: Db,
  actor: Actor,
  context: AuditContext,
  subject: ActionPlanSubject,
  format: 'view' | 'docx' | 'pdf',
): Promise<ActionPlan> {
  let query = selectMeasures(db, actor.tenantId).where('measure.status', '!=', 'cancelled');
  let title: string;
  if (subject.kind === 'administration') {
    const unit = await findScopedUnit(db, actor, subject.id);
    title = `Handlingsplan – ${unit.name}`;
    query = query.where('unit.path', 'like', `${unit.path}%`);
  } else {
    const site = await db
      .selectFrom('sites as site')
      .innerJoin('orgUnits as unit', 'unit.id', 'site.unitId')
      .select(['site.name', 'unit.path'])
      .where('site.tenantId', '=', actor.tenantId)
      .where('site.id', '=', subject.id)
      .executeTakeFirst();
    if (!site) throw new AppError('not_found');
    authorize(actor, 'measures.read', { orgUnitPath: site.path });
    title = `Handlingsplan – ${site.name}`;
    query = query.where('measure.siteId', '=', subject.id);
  }
  const rows = await query
    .where((builder) => scopeCondition(actor, 'measures.read', builder, { orgUnitPath: builder.ref('unit.path') }))
    .orderBy('measure.dueOn')
    .orderBy('measure.id')
    .execute();
  const today = todayInStockholm();
  const plan: ActionPlan = {
    title,
    subjectKind: subject.kind,
    subjectId: subject.id,
    generatedAt: new Date().toISOString(),
    ...group(rows.map((row) => presentMeasure(row, true, today))),
  };
  await db.transaction().execute((transaction) =>
    recordAudit(transaction, context, {
      action: format === 'view' ? 'action_plan.read' : 'action_plan.export',
      resourceType: subject.kind === 'administration' ? 'org_unit' : 'site',
      resourceId: subject.id,
      details: { format, measureCount: rows.length },
    }),
  );
  return plan;
}
