import {
  isWithinYear,
  type OpenDeviation,
  questionsOf,
  type SecurityWalkSummary,
  type SiteSecurityWalks,
  stockholmDate,
  type WalkCoverage,
} from '@varn/domain';
import { sql } from 'kysely';
import { type Actor, authorize, scopeCondition } from '../access/authorize.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';

/** A site's walks, newest first, its last walk, and its deviations that no finished measure closed. */
export async function getSiteSecurityWalks(db: Db, actor: Actor, siteId: string): Promise<SiteSecurityWalks> {
  const site = await db
    .selectFrom('sites as site')
    .innerJoin('orgUnits as unit', 'unit.id', 'site.unitId')
    .select(['site.id', 'site.name', 'unit.path as unitPath'])
    .where('site.tenantId', '=', actor.tenantId)
    .where('site.id', '=', siteId)
    .executeTakeFirst();
  if (!site) throw new AppError('not_found');
  authorize(actor, 'security_walks.read', { orgUnitPath: site.unitPath });

  const walks: SecurityWalkSummary[] = (
    await db
      .selectFrom('securityWalks as walk')
      .leftJoin('securityWalkAnswers as answer', (join) =>
        join.onRef('answer.walkId', '=', 'walk.id').on('answer.result', '=', 'deviation'),
      )
      .select(['walk.id', 'walk.status', 'walk.createdAt'])
      .select(sql<string>`${sql.ref('walk.walkedOn')}::text`.as('walkedOn'))
      .select((builder) => builder.fn.count<number>('answer.questionKey').as('deviationCount'))
      .where('walk.tenantId', '=', actor.tenantId)
      .where('walk.siteId', '=', siteId)
      .groupBy(['walk.id', 'walk.status', 'walk.walkedOn', 'walk.createdAt'])
      .orderBy('walk.walkedOn', 'desc')
      .orderBy('walk.createdAt', 'desc')
      .limit(50)
      .execute()
  ).map((row) => ({
    id: row.id,
    siteId,
    siteName: site.name,
    walkedOn: row.walkedOn,
    status: row.status,
    deviationCount: Number(row.deviationCount),
  }));

  const deviations = await db
    .selectFrom('securityWalkAnswers as answer')
    .innerJoin('securityWalks as walk', 'walk.id', 'answer.walkId')
    .innerJoin('checklistTemplateVersions as version', 'version.id', 'walk.templateVersionId')
    .leftJoin('measures as measure', 'measure.id', 'answer.measureId')
    .select(['answer.walkId', 'answer.questionKey', 'answer.note', 'answer.measureId', 'version.sections'])
    .select(sql<string>`${sql.ref('walk.walkedOn')}::text`.as('walkedOn'))
    .select('measure.status as measureStatus')
    .where('walk.tenantId', '=', actor.tenantId)
    .where('walk.siteId', '=', siteId)
    .where('answer.result', '=', 'deviation')
    // Open until its measure is done or cancelled; without a measure it is open too.
    .where((builder) =>
      builder.or([builder('measure.id', 'is', null), builder('measure.status', 'not in', ['done', 'cancelled'])]),
    )
    .orderBy('walk.walkedOn', 'desc')
    .orderBy('answer.questionKey')
    .execute();
  const openDeviations: OpenDeviation[] = deviations.map((row) => ({
    walkId: row.walkId,
    walkedOn: row.walkedOn,
    questionKey: row.questionKey,
    questionText: questionsOf(row).find((question) => question.key === row.questionKey)?.text ?? row.questionKey,
    note: row.note,
    measureId: row.measureId,
    measureStatus: row.measureStatus,
  }));
  return { lastWalk: walks[0] ?? null, walks, openDeviations };
}

/**
 * The sites under an org unit (an administration, usually) that the actor may read, each with its
 * last walk's date and whether that lies within the last twelve months.
 */
export async function getWalkCoverage(db: Db, actor: Actor, orgUnitId: string): Promise<WalkCoverage> {
  const unit = await db
    .selectFrom('orgUnits')
    .select('path')
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', orgUnitId)
    .executeTakeFirst();
  if (!unit) throw new AppError('not_found');
  const rows = await db
    .selectFrom('sites as site')
    .innerJoin('orgUnits as siteUnit', 'siteUnit.id', 'site.unitId')
    .leftJoin('securityWalks as walk', 'walk.siteId', 'site.id')
    .select(['site.id as siteId', 'site.name as siteName', 'site.unitId'])
    .select(sql<string | null>`max(${sql.ref('walk.walkedOn')})::text`.as('lastWalkedOn'))
    .where('site.tenantId', '=', actor.tenantId)
    .where('siteUnit.path', 'like', `${unit.path.replace(/[\\%_]/g, (character) => `\\${character}`)}%`)
    .where((builder) =>
      scopeCondition(actor, 'security_walks.read', builder, { orgUnitPath: builder.ref('siteUnit.path') }),
    )
    .groupBy(['site.id', 'site.name', 'site.unitId'])
    .orderBy('site.name')
    .execute();
  const today = stockholmDate();
  return {
    items: rows.map((row) => ({
      siteId: row.siteId,
      siteName: row.siteName,
      unitId: row.unitId,
      lastWalkedOn: row.lastWalkedOn,
      isWalkedWithinYear: row.lastWalkedOn !== null && isWithinYear(row.lastWalkedOn, today),
    })),
  };
}
