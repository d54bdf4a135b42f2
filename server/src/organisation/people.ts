import type { PageQuery, Person, PersonInput } from '@varn/domain';
import type { Selectable } from 'kysely';
import { type Actor, authorize, can, scopeCondition } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError, unknownReference } from '../platform/app-error.ts';
import { decodeCursor, toPage } from '../platform/cursor.ts';
import type { Db } from '../platform/database.ts';
import { rethrowConstraintViolation } from '../platform/database-errors.ts';
import type { PersonTable } from './tables.ts';

const presentedColumns = [
  'person.id',
  'person.kind',
  'person.givenName',
  'person.familyName',
  'person.email',
  'person.phone',
  'person.employeeNumber',
  'person.title',
  'person.unitId',
  'person.partyId',
  'person.officialCategory',
  'person.hasProtectedIdentity',
  'person.isActive',
] as const;

type PersonRow = Omit<Selectable<PersonTable>, 'tenantId' | 'createdAt' | 'updatedAt'> & {
  unitPath: string | null;
  boardIds: string[] | null;
};

/** Refuses (422 at `path`) a person id that is not one of the tenant's people (of `kind`, when given). */
export async function checkPersonReference(
  db: Db,
  tenantId: string,
  personId: string,
  path: string,
  kind?: Person['kind'],
): Promise<void> {
  let query = db.selectFrom('people').select('id').where('tenantId', '=', tenantId).where('id', '=', personId);
  if (kind) query = query.where('kind', '=', kind);
  if (!(await query.executeTakeFirst())) throw unknownReference(path);
}

export interface PeopleFilter {
  unitId?: string | undefined;
  partyId?: string | undefined;
  kind?: 'employee' | 'elected_official' | 'party_staff' | undefined;
  search?: string | undefined;
}

/**
 * What leaves the server about a person. Contact details of a person with protected identity
 * (skyddad identitet) are shown only to those who manage people records.
 */
function presentPerson(row: PersonRow, actor: Actor): Person {
  const hidesContact = row.hasProtectedIdentity && !can(actor, 'people.manage');
  return {
    id: row.id,
    kind: row.kind,
    givenName: row.givenName,
    familyName: row.familyName,
    email: hidesContact ? null : row.email,
    phone: hidesContact ? null : row.phone,
    employeeNumber: row.employeeNumber,
    title: row.title,
    unitId: row.unitId,
    partyId: row.partyId,
    officialCategory: row.officialCategory,
    boardIds: row.boardIds ?? [],
    hasProtectedIdentity: row.hasProtectedIdentity,
    isActive: row.isActive,
  };
}

function selectPeople(db: Db, actor: Actor) {
  return db
    .selectFrom('people as person')
    .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
    .select(presentedColumns)
    .select('unit.path as unitPath')
    .select((builder) =>
      builder
        .selectFrom('boardMemberships as membership')
        .whereRef('membership.personId', '=', 'person.id')
        .select((inner) => inner.fn.agg<string[]>('array_agg', ['membership.boardId']).as('ids'))
        .as('boardIds'),
    )
    .where('person.tenantId', '=', actor.tenantId)
    .where((builder) =>
      scopeCondition(actor, 'people.read', builder, {
        orgUnitPath: builder.ref('unit.path'),
        partyId: builder.ref('person.partyId'),
        personId: builder.ref('person.id'),
      }),
    );
}

/** A page of the people the actor may see, in name order. */
export async function findPeople(db: Db, actor: Actor, filter: PeopleFilter, page: PageQuery) {
  let query = selectPeople(db, actor);
  if (filter.unitId) query = query.where('person.unitId', '=', filter.unitId);
  if (filter.partyId) query = query.where('person.partyId', '=', filter.partyId);
  if (filter.kind) query = query.where('person.kind', '=', filter.kind);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query = query.where((builder) =>
      builder.or([
        builder('person.givenName', 'ilike', pattern),
        builder('person.familyName', 'ilike', pattern),
        builder('person.email', 'ilike', pattern),
      ]),
    );
  }
  if (page.after) {
    const [familyName, givenName, id] = decodeCursor(page.after, 3) as [string, string, string];
    query = query.where((builder) =>
      builder(
        builder.refTuple('person.familyName', 'person.givenName', 'person.id'),
        '>',
        builder.tuple(familyName, givenName, id),
      ),
    );
  }
  const rows = await query
    .orderBy('person.familyName')
    .orderBy('person.givenName')
    .orderBy('person.id')
    .limit(page.limit + 1)
    .execute();
  return toPage(
    rows,
    page.limit,
    (row) => presentPerson(row, actor),
    (row) => [row.familyName, row.givenName, row.id],
  );
}

/** One person in the actor's scope. Reading a protected person's record is audited. */
export async function getPerson(db: Db, actor: Actor, context: AuditContext, id: string): Promise<Person> {
  const person = await getPersonUnaudited(db, actor, id);
  if (person.hasProtectedIdentity) {
    await recordAudit(db, context, { action: 'person.read', resourceType: 'person', resourceId: id });
  }
  return person;
}

async function checkReferences(db: Db, actor: Actor, input: Partial<PersonInput>): Promise<void> {
  if (input.unitId) {
    const unit = await db
      .selectFrom('orgUnits')
      .select('path')
      .where('tenantId', '=', actor.tenantId)
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!unit) {
      throw new AppError('validation_failed', {
        errors: [fieldError('unitId', 'unknown_unit', 'Unknown unit', 'Okänd enhet')],
      });
    }
    authorize(actor, 'people.manage', { orgUnitPath: unit.path });
  } else {
    authorize(actor, 'people.manage', {});
  }
  if (input.partyId) {
    const party = await db
      .selectFrom('parties')
      .select('id')
      .where('tenantId', '=', actor.tenantId)
      .where('id', '=', input.partyId)
      .executeTakeFirst();
    if (!party) {
      throw new AppError('validation_failed', {
        errors: [fieldError('partyId', 'unknown_party', 'Unknown party', 'Okänt parti')],
      });
    }
  }
  const boardIds = input.boardIds ?? [];
  if (boardIds.length > 0) {
    const boards = await db
      .selectFrom('orgUnits')
      .select('id')
      .where('tenantId', '=', actor.tenantId)
      .where('kind', '=', 'board')
      .where('id', 'in', boardIds)
      .execute();
    if (boards.length !== new Set(boardIds).size) {
      throw new AppError('validation_failed', {
        errors: [fieldError('boardIds', 'unknown_board', 'Unknown board', 'Okänd nämnd')],
      });
    }
  }
}

function personValues(input: PersonInput) {
  return {
    kind: input.kind,
    givenName: input.givenName,
    familyName: input.familyName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    employeeNumber: input.employeeNumber ?? null,
    title: input.title ?? null,
    unitId: input.unitId ?? null,
    partyId: input.kind === 'employee' ? null : (input.partyId ?? null),
    officialCategory: input.kind === 'elected_official' ? (input.officialCategory ?? null) : null,
    hasProtectedIdentity: input.hasProtectedIdentity,
    isActive: input.isActive,
  };
}

export async function createPerson(db: Db, actor: Actor, context: AuditContext, input: PersonInput): Promise<Person> {
  await checkReferences(db, actor, input);
  const row = await db
    .insertInto('people')
    .values({ tenantId: actor.tenantId, ...personValues(input) })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch(rethrowConstraintViolation);
  if (input.boardIds.length > 0) {
    await db
      .insertInto('boardMemberships')
      .values(input.boardIds.map((boardId) => ({ tenantId: actor.tenantId, personId: row.id, boardId })))
      .execute();
  }
  await recordAudit(db, context, { action: 'person.create', resourceType: 'person', resourceId: row.id });
  return getPersonUnaudited(db, actor, row.id);
}

export async function updatePerson(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  input: PersonInput,
): Promise<Person> {
  const current = await selectPeople(db, actor).where('person.id', '=', id).executeTakeFirst();
  if (!current) throw new AppError('not_found');
  authorize(actor, 'people.manage', { orgUnitPath: current.unitPath, partyId: current.partyId });
  await checkReferences(db, actor, input);
  await db
    .updateTable('people')
    .set({ ...personValues(input), updatedAt: new Date() })
    .where('id', '=', id)
    .execute()
    .catch(rethrowConstraintViolation);
  await db.deleteFrom('boardMemberships').where('personId', '=', id).execute();
  if (input.boardIds.length > 0) {
    await db
      .insertInto('boardMemberships')
      .values(input.boardIds.map((boardId) => ({ tenantId: actor.tenantId, personId: id, boardId })))
      .execute();
  }
  await recordAudit(db, context, { action: 'person.update', resourceType: 'person', resourceId: id });
  return getPersonUnaudited(db, actor, id);
}

async function getPersonUnaudited(db: Db, actor: Actor, id: string): Promise<Person> {
  const row = await selectPeople(db, actor).where('person.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return presentPerson(row, actor);
}
