import { type Actor, scopeCondition } from '../access/authorize.ts';
import type { Db } from '../platform/database.ts';

/** The units the actor may open a threat case for: those their `threat_cases.manage` grants reach. */
export async function findCaseUnits(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('orgUnits as unit')
    .select(['unit.id', 'unit.name'])
    .where('unit.tenantId', '=', actor.tenantId)
    .where((builder) =>
      scopeCondition(actor, 'threat_cases.manage', builder, { orgUnitPath: builder.ref('unit.path') }),
    )
    .orderBy('unit.path')
    .execute();
  return { items: rows };
}
