import { type Selectable, sql } from 'kysely';
import { type Actor, authorize, scopeCondition } from '../access/authorize.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { SecurityWalkTable } from './tables.ts';

export type WalkRow = Selectable<SecurityWalkTable> & { siteName: string; unitId: string; unitPath: string };

/** Walks whose site's unit lies in the actor's read scope: a walk belongs where its site does. */
function selectWalks(db: Db, actor: Actor) {
  return (
    db
      .selectFrom('securityWalks as walk')
      .innerJoin('sites as site', 'site.id', 'walk.siteId')
      .innerJoin('orgUnits as unit', 'unit.id', 'site.unitId')
      .selectAll('walk')
      .select(['site.name as siteName', 'site.unitId as unitId', 'unit.path as unitPath'])
      // As text: PGlite hands dates back as Date objects, PostgreSQL as text.
      .select(sql<string>`${sql.ref('walk.walkedOn')}::text`.as('walkedOn'))
      .where('walk.tenantId', '=', actor.tenantId)
      .where((builder) =>
        scopeCondition(actor, 'security_walks.read', builder, { orgUnitPath: builder.ref('unit.path') }),
      )
  );
}

/** The walk in the actor's read scope, or not_found. */
export async function getWalkRow(db: Db, actor: Actor, id: string): Promise<WalkRow> {
  const row = await selectWalks(db, actor).where('walk.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** The walk's row for a change: in the actor's walking scope (finished or not; callers decide). */
export async function getWalkToChange(db: Db, actor: Actor, id: string): Promise<WalkRow> {
  const row = await getWalkRow(db, actor, id);
  authorize(actor, 'security_walks.manage', { orgUnitPath: row.unitPath });
  return row;
}
