import type { Measure, MeasureInput, MeasureSourceKind, MeasureStatus } from '@varn/domain';
import { type Selectable, sql } from 'kysely';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { findSource, type MeasureSource, recordOnSource } from './sources.ts';
import type { MeasureTable } from './tables.ts';

type MeasureRow = Selectable<MeasureTable> & { ownerGivenName: string | null; ownerFamilyName: string | null };

function selectMeasures(db: Db, tenantId: string) {
  return (
    db
      .selectFrom('measures as measure')
      .leftJoin('people as owner', 'owner.id', 'measure.ownerPersonId')
      .selectAll('measure')
      .select(['owner.givenName as ownerGivenName', 'owner.familyName as ownerFamilyName'])
      // As text: PGlite hands dates back as Date objects despite its parser, PostgreSQL as text.
      .select(sql<string>`${sql.ref('measure.dueOn')}::text`.as('dueOn'))
      .where('measure.tenantId', '=', tenantId)
  );
}

/** What leaves the server: the owner only for those who handle the source. */
function presentMeasure(row: MeasureRow, source: MeasureSource): Measure {
  return {
    id: row.id,
    sourceKind: row.sourceKind,
    sourceId: row.sourceId,
    title: row.title,
    description: row.description,
    owner: source.mayHandle
      ? { personId: row.ownerPersonId, name: `${row.ownerGivenName ?? ''} ${row.ownerFamilyName ?? ''}`.trim() }
      : null,
    orgUnitId: row.orgUnitId,
    dueOn: row.dueOn,
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

function requireHandling(source: MeasureSource): void {
  if (!source.mayHandle) throw new AppError('not_found');
}

const unknownReference = (path: string) =>
  new AppError('validation_failed', { errors: [fieldError(path, 'unknown_reference', 'Not found', 'Hittades inte')] });

/** The measures of one source, by due date; readers of the source see them, handlers change them. */
export async function listMeasures(db: Db, actor: Actor, kind: MeasureSourceKind, sourceId: string) {
  const source = await findSource(db, actor, kind, sourceId);
  const rows = await selectMeasures(db, actor.tenantId)
    .where('measure.sourceKind', '=', kind)
    .where('measure.sourceId', '=', sourceId)
    .orderBy('measure.dueOn')
    .orderBy('measure.createdAt')
    .execute();
  return { items: rows.map((row) => presentMeasure(row, source)) };
}

/** Decides a measure for a source: its owner must be a person of the tenant. */
export async function createMeasure(
  db: Db,
  actor: Actor,
  context: AuditContext,
  kind: MeasureSourceKind,
  sourceId: string,
  input: MeasureInput,
): Promise<Measure> {
  const source = await findSource(db, actor, kind, sourceId);
  requireHandling(source);
  const owner = await db
    .selectFrom('people')
    .select('id')
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', input.ownerPersonId)
    .executeTakeFirst();
  if (!owner) throw unknownReference('ownerPersonId');
  if (input.orgUnitId) {
    const unit = await db
      .selectFrom('orgUnits')
      .select('id')
      .where('tenantId', '=', actor.tenantId)
      .where('id', '=', input.orgUnitId)
      .executeTakeFirst();
    if (!unit) throw unknownReference('orgUnitId');
  }
  const { id } = await db
    .insertInto('measures')
    .values({
      tenantId: actor.tenantId,
      sourceKind: kind,
      sourceId,
      title: input.title,
      description: input.description,
      ownerPersonId: input.ownerPersonId,
      orgUnitId: input.orgUnitId ?? source.unitId,
      dueOn: input.dueOn,
      createdByPersonId: actor.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordOnSource(db, actor, source, { kind: 'measure_added', title: input.title, status: 'planned' });
  await recordAudit(db, context, {
    action: 'measure.create',
    resourceType: 'measure',
    resourceId: id,
    details: { sourceKind: kind, sourceId },
  });
  return presentMeasure(
    await selectMeasures(db, actor.tenantId).where('measure.id', '=', id).executeTakeFirstOrThrow(),
    source,
  );
}

/**
 * Moves a measure to another status; out of the source's handling scope it does not exist. A route
 * that serves one source kind names it: measures of other kinds do not exist there either.
 */
export async function changeMeasureStatus(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  status: MeasureStatus,
  expectedKind?: MeasureSourceKind,
): Promise<Measure> {
  const row = await selectMeasures(db, actor.tenantId).where('measure.id', '=', id).executeTakeFirst();
  if (!row || (expectedKind && row.sourceKind !== expectedKind)) throw new AppError('not_found');
  const source = await findSource(db, actor, row.sourceKind, row.sourceId);
  requireHandling(source);
  if (row.status !== status) {
    await db.updateTable('measures').set({ status, updatedAt: new Date() }).where('id', '=', id).execute();
    await recordOnSource(db, actor, source, { kind: 'measure_status_changed', title: row.title, status });
    await recordAudit(db, context, {
      action: 'measure.status_change',
      resourceType: 'measure',
      resourceId: id,
      details: { from: row.status, to: status },
    });
  }
  return presentMeasure(
    await selectMeasures(db, actor.tenantId).where('measure.id', '=', id).executeTakeFirstOrThrow(),
    source,
  );
}

/** Measures of a source that are not cancelled: what "measures decided" asks for. */
export async function countLiveMeasures(db: Db, tenantId: string, kind: MeasureSourceKind, sourceId: string) {
  const { count } = await db
    .selectFrom('measures')
    .select((builder) => builder.fn.countAll<number>().as('count'))
    .where('tenantId', '=', tenantId)
    .where('sourceKind', '=', kind)
    .where('sourceId', '=', sourceId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(count);
}
