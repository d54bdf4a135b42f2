import {
  type Drill,
  type DrillValues,
  drillKinds,
  isDrillOverdue,
  type SiteDrillStatus,
  stockholmDate,
} from '@varn/domain';
import { sql } from 'kysely';
import { type Actor, authorize, isInScope, scopeCondition, scopeOf } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';

/** A `date` column as 'YYYY-MM-DD' (PGlite sometimes hands over a Date at UTC midnight). */
function dateText(value: string | Date | null): string | null {
  if (value === null || typeof value === 'string') return value;
  return value.toISOString().slice(0, 10);
}

/** Plans or records a drill at a site the actor's grant reaches through the site's unit. */
export async function createDrill(db: Db, actor: Actor, context: AuditContext, drill: DrillValues): Promise<string> {
  const site = await db
    .selectFrom('sites')
    .innerJoin('orgUnits as unit', 'unit.id', 'sites.unitId')
    .select(['sites.id', 'unit.path'])
    .where('sites.tenantId', '=', actor.tenantId)
    .where('sites.id', '=', drill.siteId)
    .executeTakeFirst();
  const invalidSite = new AppError('validation_failed', {
    errors: [fieldError('body.siteId', 'unknown_site', 'Choose one of your sites', 'Välj en av era platser')],
  });
  if (!site) throw invalidSite;
  try {
    authorize(actor, 'drills.manage', { orgUnitPath: site.path });
  } catch {
    throw invalidSite;
  }
  const { id } = await db
    .insertInto('drills')
    .values({ tenantId: actor.tenantId, ...drill, createdByPersonId: actor.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, context, {
    action: 'drill.create',
    resourceType: 'drill',
    resourceId: id,
    details: { siteId: drill.siteId, kind: drill.kind },
  });
  return id;
}

function drillQuery(db: Db, actor: Actor) {
  return db
    .selectFrom('drills as drill')
    .innerJoin('sites as site', 'site.id', 'drill.siteId')
    .innerJoin('orgUnits as unit', 'unit.id', 'site.unitId')
    .selectAll('drill')
    .select(['site.name as siteName', 'site.unitId', 'unit.path as unitPath'])
    .where('drill.tenantId', '=', actor.tenantId)
    .where((builder) => scopeCondition(actor, 'drills.read', builder, { orgUnitPath: builder.ref('unit.path') }));
}

/** Drills at the sites the actor reaches, latest first; optionally of one site. */
export async function findDrills(db: Db, actor: Actor, siteId?: string): Promise<{ items: Drill[] }> {
  let query = drillQuery(db, actor);
  if (siteId) query = query.where('drill.siteId', '=', siteId);
  const rows = await query
    .orderBy((builder) => builder.fn.coalesce('drill.heldOn', 'drill.plannedOn'), 'desc')
    .limit(500)
    .execute();
  return { items: rows.map((row) => presentDrill(actor, row)) };
}

/** A drill at a site the actor reads, with the site's unit (a measure's scope), or not_found. */
export async function getDrillRow(db: Db, actor: Actor, id: string): Promise<DrillRow> {
  const row = await drillQuery(db, actor).where('drill.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** Whether the actor plans and follows up the drills (and their measures) of the site's unit. */
export function mayManageDrill(actor: Actor, row: Pick<DrillRow, 'unitPath'>): boolean {
  return isInScope(actor, scopeOf(actor, 'drills.manage'), { orgUnitPath: row.unitPath });
}

export async function getDrill(db: Db, actor: Actor, id: string): Promise<Drill> {
  return presentDrill(actor, await getDrillRow(db, actor, id));
}

type DrillRow = Awaited<ReturnType<ReturnType<typeof drillQuery>['executeTakeFirstOrThrow']>>;

function presentDrill(actor: Actor, row: DrillRow): Drill {
  return {
    id: row.id,
    siteId: row.siteId,
    siteName: row.siteName,
    unitId: row.unitId,
    mayManage: mayManageDrill(actor, row),
    kind: row.kind,
    plannedOn: dateText(row.plannedOn),
    heldOn: dateText(row.heldOn),
    participantCount: row.participantCount,
    participatingUnits: row.participatingUnits,
    scenario: row.scenario,
    whatWorked: row.whatWorked,
    lessonsLearned: row.lessonsLearned,
  };
}

/**
 * Per site the actor reaches: for each kind of drill the last held date, the next planned one, and
 * whether it is overdue (none held within the configured interval).
 */
export async function findSiteDrillStatus(
  db: Db,
  actor: Actor,
  intervalMonths: number,
): Promise<{ items: SiteDrillStatus[] }> {
  const today = stockholmDate();
  const sites = await db
    .selectFrom('sites as site')
    .innerJoin('orgUnits as unit', 'unit.id', 'site.unitId')
    .select(['site.id', 'site.name'])
    .where('site.tenantId', '=', actor.tenantId)
    .where((builder) => scopeCondition(actor, 'drills.read', builder, { orgUnitPath: builder.ref('unit.path') }))
    .orderBy('site.name')
    .execute();
  if (sites.length === 0) return { items: [] };
  const lasts = await db
    .selectFrom('drills')
    .select((builder) => [
      'siteId',
      'kind',
      builder.fn.max('heldOn').as('lastHeldOn'),
      // The earliest planned drill not yet held and not in the past.
      sql<string | null>`min(planned_on) filter (where held_on is null and planned_on >= ${today})`.as('nextPlannedOn'),
    ])
    .where('tenantId', '=', actor.tenantId)
    .where(
      'siteId',
      'in',
      sites.map((site) => site.id),
    )
    .groupBy(['siteId', 'kind'])
    .execute();
  const byKey = new Map(lasts.map((row) => [`${row.siteId}:${row.kind}`, row]));
  return {
    items: sites.map((site) => ({
      siteId: site.id,
      siteName: site.name,
      kinds: drillKinds.map((kind) => {
        const row = byKey.get(`${site.id}:${kind}`);
        const lastHeldOn = dateText((row?.lastHeldOn as string | Date | null | undefined) ?? null);
        return {
          kind,
          lastHeldOn,
          nextPlannedOn: dateText((row?.nextPlannedOn as string | Date | null | undefined) ?? null),
          isOverdue: isDrillOverdue(lastHeldOn, intervalMonths, today),
        };
      }),
    })),
  };
}
