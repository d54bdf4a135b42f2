import { type PageQuery, pageLimitMax, type Site, type SiteInput } from '@varn/domain';
import { type Selectable, sql } from 'kysely';
import { type Actor, authorize, scopeCondition } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError, unknownReference } from '../platform/app-error.ts';
import { decodeCursor, toPage } from '../platform/cursor.ts';
import type { Db } from '../platform/database.ts';
import type { SiteTable } from './tables.ts';

function presentSite(row: Selectable<SiteTable>): Site {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    streetAddress: row.streetAddress,
    postalCode: row.postalCode,
    city: row.city,
    description: row.description,
  };
}

function selectSites(db: Db, actor: Actor) {
  return db
    .selectFrom('sites as site')
    .innerJoin('orgUnits as unit', 'unit.id', 'site.unitId')
    .selectAll('site')
    .select('unit.path as unitPath')
    .where('site.tenantId', '=', actor.tenantId)
    .where((builder) => scopeCondition(actor, 'sites.read', builder, { orgUnitPath: builder.ref('unit.path') }));
}

/** Refuses (422 at `path`) a site id that is not one of the tenant's sites. */
export async function checkSiteReference(db: Db, tenantId: string, siteId: string, path: string): Promise<void> {
  const site = await db
    .selectFrom('sites')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site) throw unknownReference(path);
}

export async function findSites(db: Db, actor: Actor, filter: { unitId?: string | undefined }, page: PageQuery) {
  let query = selectSites(db, actor);
  if (filter.unitId) query = query.where('site.unitId', '=', filter.unitId);
  if (page.after) {
    const [name, id] = decodeCursor(page.after, 2) as [string, string];
    query = query.where((builder) => builder(builder.refTuple('site.name', 'site.id'), '>', builder.tuple(name, id)));
  }
  const rows = await query
    .orderBy('site.name')
    .orderBy('site.id')
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit, presentSite, (row) => [row.name, row.id]);
}

/**
 * The sites a reporter may name as an incident's place: those of their own unit, of the units above
 * it (an administration's shared premises) and below it, and whatever more their role may list.
 * Naming where it happened needs no `sites.read`: an employee picks from a short list instead of
 * browsing the register (sorted by name; a unit's neighbourhood holds far fewer than a page).
 */
export async function findReportingSites(db: Db, actor: Actor): Promise<Site[]> {
  const rows = await db
    .selectFrom('sites as site')
    .innerJoin('orgUnits as unit', 'unit.id', 'site.unitId')
    .selectAll('site')
    .where('site.tenantId', '=', actor.tenantId)
    .where((builder) =>
      builder.or([
        builder.exists(
          builder
            .selectFrom('people as reporter')
            .innerJoin('orgUnits as own', 'own.id', 'reporter.unitId')
            .select('own.id')
            .where('reporter.tenantId', '=', actor.tenantId)
            .where('reporter.id', '=', actor.personId)
            .where(
              sql<boolean>`(starts_with(${sql.ref('own.path')}, ${sql.ref('unit.path')}) OR starts_with(${sql.ref('unit.path')}, ${sql.ref('own.path')}))`,
            ),
        ),
        scopeCondition(actor, 'sites.read', builder, { orgUnitPath: builder.ref('unit.path') }),
      ]),
    )
    .orderBy('site.name')
    .orderBy('site.id')
    .limit(pageLimitMax)
    .execute();
  return rows.map(presentSite);
}

export async function getSite(db: Db, actor: Actor, id: string): Promise<Site> {
  const row = await selectSites(db, actor).where('site.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return presentSite(row);
}

async function authorizeUnit(db: Db, actor: Actor, unitId: string): Promise<void> {
  const unit = await db
    .selectFrom('orgUnits')
    .select('path')
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) {
    throw new AppError('validation_failed', {
      errors: [fieldError('unitId', 'unknown_unit', 'Unknown unit', 'Okänd enhet')],
    });
  }
  authorize(actor, 'sites.manage', { orgUnitPath: unit.path });
}

export async function createSite(db: Db, actor: Actor, context: AuditContext, input: SiteInput): Promise<Site> {
  await authorizeUnit(db, actor, input.unitId);
  const row = await db
    .insertInto('sites')
    .values({ tenantId: actor.tenantId, ...input })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, context, { action: 'site.create', resourceType: 'site', resourceId: row.id });
  return presentSite(row);
}

export async function updateSite(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  input: SiteInput,
): Promise<Site> {
  const current = await selectSites(db, actor).where('site.id', '=', id).executeTakeFirst();
  if (!current) throw new AppError('not_found');
  authorize(actor, 'sites.manage', { orgUnitPath: current.unitPath });
  await authorizeUnit(db, actor, input.unitId);
  const row = await db
    .updateTable('sites')
    .set({ ...input, updatedAt: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, context, { action: 'site.update', resourceType: 'site', resourceId: id });
  return presentSite(row);
}
