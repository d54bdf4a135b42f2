import {
  isMeasureOverdue,
  type Measure,
  type MeasureBulkStatusChange,
  type MeasureDetail,
  type MeasureInput,
  type MeasureListQuery,
  type MeasureSourceKind,
  type MeasureStatusChange,
  type SourcelessMeasureInput,
  todayInStockholm,
} from '@varn/domain';
import { type Selectable, sql } from 'kysely';
import { type Actor, authorize, isInScope, scopeCondition, scopeOf } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { checkPersonReference } from '../organisation/people.ts';
import { checkSiteReference } from '../organisation/sites.ts';
import { AppError, unknownReference } from '../platform/app-error.ts';
import { decodeCursor, toPage } from '../platform/cursor.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { scheduleMeasureReminders } from './reminders.ts';
import { findSource, recordOnSource } from './sources.ts';
import type { MeasureTable } from './tables.ts';

export type MeasureRow = Selectable<MeasureTable> & {
  ownerGivenName: string | null;
  ownerFamilyName: string | null;
  unitPath: string | null;
  unitName: string | null;
};

export function selectMeasures(db: Db, tenantId: string) {
  return (
    db
      .selectFrom('measures as measure')
      .leftJoin('people as owner', 'owner.id', 'measure.ownerPersonId')
      .leftJoin('orgUnits as unit', 'unit.id', 'measure.orgUnitId')
      .selectAll('measure')
      .select(['owner.givenName as ownerGivenName', 'owner.familyName as ownerFamilyName'])
      .select(['unit.path as unitPath', 'unit.name as unitName'])
      // As text: PGlite hands dates back as Date objects despite its parser, PostgreSQL as text.
      .select(sql<string>`${sql.ref('measure.dueOn')}::text`.as('dueOn'))
      .where('measure.tenantId', '=', tenantId)
  );
}

const costOf = (value: string | number | null) => (value === null ? null : Number(value));

/** What leaves the server: the owner's name only for those who handle the measure or its source. */
export function presentMeasure(row: MeasureRow, showOwner: boolean, today = todayInStockholm()): Measure {
  return {
    id: row.id,
    sourceKind: row.sourceKind,
    sourceId: row.sourceId,
    sourceReference: row.sourceReference,
    title: row.title,
    description: row.description,
    category: row.category,
    owner: showOwner
      ? { personId: row.ownerPersonId, name: `${row.ownerGivenName ?? ''} ${row.ownerFamilyName ?? ''}`.trim() }
      : null,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.unitName,
    siteId: row.siteId,
    dueOn: row.dueOn,
    status: row.status,
    statusReason: row.statusReason,
    completionNote: row.completionNote,
    estimatedCostOre: costOf(row.estimatedCostOre),
    actualCostOre: costOf(row.actualCostOre),
    isOverdue: isMeasureOverdue(row.dueOn, row.status, today),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** Whether the actor manages the measure: `measures.manage` over its unit, or handling of its source. */
async function mayManage(db: Db, actor: Actor, row: MeasureRow): Promise<boolean> {
  if (isInScope(actor, scopeOf(actor, 'measures.manage'), { orgUnitPath: row.unitPath })) return true;
  if (row.sourceId) {
    try {
      return (await findSource(db, actor, row.sourceKind, row.sourceId)).mayHandle;
    } catch {
      return false;
    }
  }
  return false;
}

/** Readers: `measures.read` over the responsible unit, or the owner themself. */
function mayRead(actor: Actor, row: MeasureRow): boolean {
  return (
    row.ownerPersonId === actor.personId ||
    isInScope(actor, scopeOf(actor, 'measures.read'), { orgUnitPath: row.unitPath })
  );
}

/** The measures of one source, by due date; readers of the source see them, handlers change them. */
export async function listMeasures(db: Db, actor: Actor, kind: MeasureSourceKind, sourceId: string) {
  const source = await findSource(db, actor, kind, sourceId);
  const rows = await selectMeasures(db, actor.tenantId)
    .where('measure.sourceKind', '=', kind)
    .where('measure.sourceId', '=', sourceId)
    .orderBy('measure.dueOn')
    .orderBy('measure.createdAt')
    .execute();
  const today = todayInStockholm();
  return { items: rows.map((row) => presentMeasure(row, source.mayHandle, today)) };
}

async function checkReferences(db: Db, actor: Actor, input: MeasureInput): Promise<void> {
  await checkPersonReference(db, actor.tenantId, input.ownerPersonId, 'ownerPersonId');
  if (input.orgUnitId) {
    const unit = await db
      .selectFrom('orgUnits')
      .select('id')
      .where('tenantId', '=', actor.tenantId)
      .where('id', '=', input.orgUnitId)
      .executeTakeFirst();
    if (!unit) throw unknownReference('orgUnitId');
  }
  if (input.siteId) await checkSiteReference(db, actor.tenantId, input.siteId, 'siteId');
}

/** Stores a measure, its first history entry, its reminders and its audit entry. */
async function insertMeasure(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  values: MeasureInput & { sourceKind: MeasureSourceKind; sourceId: string | null; sourceReference: string },
): Promise<string> {
  const { id } = await db
    .insertInto('measures')
    .values({
      tenantId: actor.tenantId,
      sourceKind: values.sourceKind,
      sourceId: values.sourceId,
      sourceReference: values.sourceReference,
      title: values.title,
      description: values.description,
      category: values.category,
      ownerPersonId: values.ownerPersonId,
      orgUnitId: values.orgUnitId,
      siteId: values.siteId,
      dueOn: values.dueOn,
      estimatedCostOre: values.estimatedCostOre,
      createdByPersonId: actor.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('measureStatusChanges')
    .values({
      tenantId: actor.tenantId,
      measureId: id,
      fromStatus: null,
      toStatus: 'planned',
      dueOn: values.dueOn,
      changedByPersonId: actor.personId,
    })
    .execute();
  await scheduleMeasureReminders(db, jobs, { tenantId: actor.tenantId, measureId: id, dueOn: values.dueOn });
  await recordAudit(db, context, {
    action: 'measure.create',
    resourceType: 'measure',
    resourceId: id,
    details: { sourceKind: values.sourceKind, sourceId: values.sourceId },
  });
  return id;
}

async function readMeasureRow(db: Db, actor: Actor, id: string): Promise<MeasureRow> {
  const row = await selectMeasures(db, actor.tenantId).where('measure.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** The measure, if the actor manages it (as for a status change); not_found otherwise. */
export async function findMeasureToChange(db: Db, actor: Actor, id: string): Promise<MeasureRow> {
  const row = await readMeasureRow(db, actor, id);
  if (!(await mayManage(db, actor, row))) throw new AppError('not_found');
  return row;
}

/** The measure, if the actor reads it (its managers, `measures.read` over its unit, its owner); not_found otherwise. */
export async function findMeasureToRead(db: Db, actor: Actor, id: string): Promise<MeasureRow> {
  const row = await readMeasureRow(db, actor, id);
  if (!mayRead(actor, row) && !(await mayManage(db, actor, row))) throw new AppError('not_found');
  return row;
}

/** Decides a measure for a source: its owner must be a person of the tenant. */
export async function createMeasure(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  kind: MeasureSourceKind,
  sourceId: string,
  input: MeasureInput,
): Promise<Measure> {
  const source = await findSource(db, actor, kind, sourceId);
  if (!source.mayHandle) throw new AppError('not_found');
  await checkReferences(db, actor, input);
  const id = await insertMeasure(db, jobs, actor, context, {
    ...input,
    orgUnitId: input.orgUnitId ?? source.unitId,
    sourceKind: kind,
    sourceId,
    sourceReference: '',
  });
  await recordOnSource(db, actor, source, { kind: 'measure_added', title: input.title, status: 'planned' });
  return presentMeasure(await readMeasureRow(db, actor, id), true);
}

/** A standalone measure or a board assignment: managed in the responsible unit's scope. */
export async function createSourcelessMeasure(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  input: SourcelessMeasureInput,
): Promise<Measure> {
  const unit = await db
    .selectFrom('orgUnits')
    .select('path')
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', input.orgUnitId)
    .executeTakeFirst();
  if (!unit) throw unknownReference('orgUnitId');
  authorize(actor, 'measures.manage', { orgUnitPath: unit.path });
  await checkReferences(db, actor, input);
  const { sourceKind, sourceReference, ...measure } = input;
  const id = await insertMeasure(db, jobs, actor, context, { ...measure, sourceKind, sourceId: null, sourceReference });
  return presentMeasure(await readMeasureRow(db, actor, id), true);
}

/** One measure with its history, for its readers; out of scope it does not exist. */
export async function getMeasureDetail(db: Db, actor: Actor, id: string): Promise<MeasureDetail> {
  const row = await readMeasureRow(db, actor, id);
  const manages = await mayManage(db, actor, row);
  if (!manages && !mayRead(actor, row)) throw new AppError('not_found');
  const history = await db
    .selectFrom('measureStatusChanges as change')
    .innerJoin('people as person', 'person.id', 'change.changedByPersonId')
    .select(['change.fromStatus', 'change.toStatus', 'change.reason', 'change.changedAt'])
    .select(['person.givenName', 'person.familyName'])
    .select(sql<string>`${sql.ref('change.dueOn')}::text`.as('dueOn'))
    .where('change.tenantId', '=', actor.tenantId)
    .where('change.measureId', '=', id)
    .orderBy('change.changedAt')
    .orderBy('change.id')
    .execute();
  const reminders = await db
    .selectFrom('measureReminders')
    .select(['kind', 'remindedAt'])
    .select(sql<string>`${sql.ref('dueOn')}::text`.as('dueOn'))
    .where('tenantId', '=', actor.tenantId)
    .where('measureId', '=', id)
    .orderBy('remindedAt')
    .execute();
  return {
    measure: presentMeasure(row, true),
    reminders: reminders.map((reminder) => ({
      kind: reminder.kind,
      dueOn: reminder.dueOn,
      remindedAt: new Date(reminder.remindedAt).toISOString(),
    })),
    history: history.map((change) => ({
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      dueOn: change.dueOn,
      reason: change.reason,
      changedBy: `${change.givenName} ${change.familyName}`.trim(),
      changedAt: new Date(change.changedAt).toISOString(),
    })),
    mayManage: manages,
  };
}

/**
 * Moves a measure to another status. Postponing sets the new due date (and queues its reminders);
 * done keeps the evidence and the actual cost. Every change is kept in the history.
 */
export async function changeMeasureStatus(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  id: string,
  change: MeasureStatusChange,
  expectedKind?: MeasureSourceKind,
): Promise<Measure> {
  const row = await readMeasureRow(db, actor, id);
  // A route that serves one source kind names it: measures of other kinds do not exist there.
  if (expectedKind && row.sourceKind !== expectedKind) throw new AppError('not_found');
  if (!(await mayManage(db, actor, row))) throw new AppError('not_found');
  const dueOn = change.status === 'postponed' && change.newDueOn ? change.newDueOn : row.dueOn;
  if (row.status === change.status && dueOn === row.dueOn) return presentMeasure(row, true);
  await db
    .updateTable('measures')
    .set({
      status: change.status,
      dueOn,
      statusReason: change.reason.trim(),
      ...(change.status === 'done'
        ? { completionNote: change.completionNote, actualCostOre: change.actualCostOre ?? costOf(row.actualCostOre) }
        : {}),
      updatedAt: new Date(),
    })
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('measureStatusChanges')
    .values({
      tenantId: actor.tenantId,
      measureId: id,
      fromStatus: row.status,
      toStatus: change.status,
      dueOn,
      reason: change.reason.trim(),
      changedByPersonId: actor.personId,
    })
    .execute();
  if (dueOn !== row.dueOn) {
    await scheduleMeasureReminders(db, jobs, { tenantId: actor.tenantId, measureId: id, dueOn });
  }
  await recordOnSource(
    db,
    actor,
    { kind: row.sourceKind, id: row.sourceId },
    { kind: 'measure_status_changed', title: row.title, status: change.status },
  );
  await recordAudit(db, context, {
    action: 'measure.status_change',
    resourceType: 'measure',
    resourceId: id,
    details: { from: row.status, to: change.status, dueOn },
  });
  return presentMeasure(await readMeasureRow(db, actor, id), true);
}

/**
 * One status for many measures in the caller's transaction: a measure out of scope (404) or a
 * refused change fails the whole request, and nothing is stored.
 */
export async function changeMeasureStatuses(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  change: MeasureBulkStatusChange,
): Promise<{ items: Measure[] }> {
  const { measureIds, ...statusChange } = change;
  const items: Measure[] = [];
  for (const id of new Set(measureIds)) {
    items.push(await changeMeasureStatus(db, jobs, actor, context, id, statusChange));
  }
  await recordAudit(db, context, {
    action: 'measure.bulk_status_change',
    resourceType: 'measure',
    details: { count: items.length, to: change.status },
  });
  return { items };
}

type MeasureQuery = ReturnType<typeof selectMeasures>;

/** Filters, keyset order (due date, id) and one page more than asked, to know if another follows. */
async function pageOfMeasures(query: MeasureQuery, filter: MeasureListQuery, showOwner: boolean) {
  const today = todayInStockholm();
  let filtered = query;
  if (filter.status) filtered = filtered.where('measure.status', '=', filter.status);
  if (filter.category) filtered = filtered.where('measure.category', '=', filter.category);
  if (filter.sourceKind) filtered = filtered.where('measure.sourceKind', '=', filter.sourceKind);
  if (filter.overdue !== undefined) {
    filtered = filter.overdue
      ? filtered.where('measure.dueOn', '<', today).where('measure.status', 'not in', ['done', 'cancelled'])
      : filtered.where((builder) =>
          builder.or([builder('measure.dueOn', '>=', today), builder('measure.status', 'in', ['done', 'cancelled'])]),
        );
  }
  if (filter.after) {
    const [dueOn, id] = decodeCursor(filter.after, 2) as [string, string];
    filtered = filtered.where((builder) =>
      builder(builder.refTuple('measure.dueOn', 'measure.id'), '>', builder.tuple(dueOn, id)),
    );
  }
  const rows = await filtered
    .orderBy('measure.dueOn')
    .orderBy('measure.id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(
    rows,
    filter.limit,
    (row) => presentMeasure(row, showOwner, today),
    (row) => [row.dueOn, row.id],
  );
}

/** "Mina åtgärder": the measures the actor owns. */
export function findMyMeasures(db: Db, actor: Actor, filter: MeasureListQuery) {
  return pageOfMeasures(
    selectMeasures(db, actor.tenantId).where('measure.ownerPersonId', '=', actor.personId),
    filter,
    true,
  );
}

/** The org unit in the actor's `measures.read` scope, or not_found. */
export async function findScopedUnit(db: Db, actor: Actor, unitId: string) {
  const unit = await db
    .selectFrom('orgUnits')
    .select(['id', 'path', 'name', 'kind'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw new AppError('not_found');
  authorize(actor, 'measures.read', { orgUnitPath: unit.path });
  return unit;
}

/** A unit's or an administration's measures: every measure whose responsible unit lies in its subtree. */
export async function findUnitMeasures(db: Db, actor: Actor, unitId: string, filter: MeasureListQuery) {
  const unit = await findScopedUnit(db, actor, unitId);
  return pageOfMeasures(
    selectMeasures(db, actor.tenantId)
      .where('unit.path', 'like', `${unit.path}%`)
      .where((builder) => scopeCondition(actor, 'measures.read', builder, { orgUnitPath: builder.ref('unit.path') })),
    filter,
    true,
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
