import { randomUUID } from 'node:crypto';
import {
  allowedChildKinds,
  emailSchema,
  type FieldError,
  fieldErrorsOf,
  nameText,
  officialCategorySchema,
  orgUnitKindSchema,
  type PeopleImportColumn,
  peopleImportColumns,
  personKindSchema,
  phoneSchema,
} from '@varn/domain';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { type Actor, authorize } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';

export const maxImportBytes = 20 * 1024 * 1024;
export const importResultSchema = z.object({ units: z.number().int(), people: z.number().int() });

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === undefined ? null : value), schema.nullable());

/** One row of an HR export: a person, and optionally the unit they belong to (created if new). */
// `satisfies` holds the schema to exactly the template's columns that the web shows.
const importRowSchema = z.strictObject({
  kind: personKindSchema,
  given_name: nameText(100),
  family_name: nameText(100),
  email: optional(emailSchema),
  phone: optional(phoneSchema),
  employee_number: optional(nameText(40)),
  title: optional(nameText(200)),
  unit_code: optional(nameText(40)),
  unit_name: optional(nameText(200)),
  parent_unit_code: optional(nameText(40)),
  unit_kind: optional(orgUnitKindSchema),
  party_abbreviation: optional(nameText(10)),
  official_category: optional(officialCategorySchema),
} satisfies Record<PeopleImportColumn, z.ZodType>);
type ImportRow = z.infer<typeof importRowSchema>;

type KnownUnit = {
  id: string;
  path: string;
  kind: z.infer<typeof orgUnitKindSchema>;
  isNew: boolean;
  name: string;
  parentId: string | null;
};

/**
 * Imports people and units from CSV. Every row is validated, and every reference resolved, before
 * anything is written; one bad row fails the whole import with a report of every bad row.
 * People are matched on employee number, else e-mail: a match is updated, the rest are created.
 */
export async function importPeopleCsv(db: Db, actor: Actor, context: AuditContext, csv: string) {
  authorize(actor, 'people.import', {});
  const records = parseCsv(csv, peopleImportColumns);
  const { rows, errors } = validateCsvRows(records, importRowSchema);

  const units = await knownUnits(db, actor.tenantId);
  const parties = new Map(
    (
      await db.selectFrom('parties').select(['id', 'abbreviation']).where('tenantId', '=', actor.tenantId).execute()
    ).map((party) => [party.abbreviation, party.id]),
  );
  const people: { line: number; values: ReturnType<typeof personValues> }[] = [];
  for (const { line, row } of rows) {
    const problems = resolveUnit(row, units).concat(resolvePerson(row, parties));
    errors.push(...rowErrors(line, problems));
    if (problems.length === 0) people.push({ line, values: personValues(actor.tenantId, row, units, parties) });
  }
  errors.push(...duplicateKeys(people));
  if (errors.length > 0) throw new AppError('import_failed', { errors: errors.slice(0, 500) });

  const newUnits = [...units.values()].filter((unit) => unit.isNew);
  for (const unit of newUnits) {
    const code = [...units.entries()].find(([, known]) => known === unit)?.[0] ?? null;
    await db
      .insertInto('orgUnits')
      .values({
        id: unit.id,
        tenantId: actor.tenantId,
        parentId: unit.parentId,
        kind: unit.kind,
        name: unit.name,
        code,
        path: unit.path,
      })
      .execute();
  }
  const count = await upsertPeople(
    db,
    actor.tenantId,
    people.map((person) => person.values),
  );
  await recordAudit(db, context, {
    action: 'people.import',
    resourceType: 'tenant',
    resourceId: actor.tenantId,
    details: { units: newUnits.length, people: count },
  });
  return { units: newUnits.length, people: count };
}

/**
 * Reads a CSV export (`;` or `,`, with or without BOM) into records keyed by the header. An unreadable
 * file, an empty one or unknown columns fail the import as a whole, before any row is looked at.
 */
export function parseCsv(csv: string, knownColumns: readonly string[]): Record<string, string>[] {
  const headerLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.split(';').length > headerLine.split(',').length ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      bom: true,
      columns: true,
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new AppError('import_failed', {
      errors: [
        fieldError(
          where ? `row ${where}` : 'file',
          'unreadable_csv',
          'The CSV file could not be read',
          'CSV-filen kunde inte läsas',
        ),
      ],
    });
  }
  const unknown = Object.keys(records[0] ?? {}).filter((column) => !knownColumns.includes(column));
  if (records.length === 0 || unknown.length > 0) {
    throw new AppError('import_failed', {
      errors: [
        fieldError(
          'header',
          'unknown_columns',
          `Unknown or missing columns${unknown.length ? `: ${unknown.join(', ')}` : ''}`,
          `Okända eller saknade kolumner${unknown.length ? `: ${unknown.join(', ')}` : ''}`,
        ),
      ],
    });
  }
  return records;
}

/**
 * Validates every record against the row schema. Errors name the file's line (`row 3.email`), so
 * the report points at what to fix; valid rows come back with their line for later checks.
 */
export function validateCsvRows<Row>(
  records: readonly Record<string, string>[],
  schema: z.ZodType<Row>,
): { rows: { line: number; row: Row }[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rows: { line: number; row: Row }[] = [];
  records.forEach((record, index) => {
    const line = index + 2; // the header is line 1
    const result = schema.safeParse(record);
    if (result.success) rows.push({ line, row: result.data });
    else errors.push(...rowErrors(line, fieldErrorsOf(result.error.issues)));
  });
  return { rows, errors };
}

/** Places a row's errors on its line of the file. */
export function rowErrors(line: number, errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => ({ ...error, path: `row ${line}.${error.path}` }));
}

async function knownUnits(db: Db, tenantId: string): Promise<Map<string, KnownUnit>> {
  const rows = await db
    .selectFrom('orgUnits')
    .select(['id', 'code', 'path', 'kind', 'name', 'parentId'])
    .where('tenantId', '=', tenantId)
    .where('code', 'is not', null)
    .execute();
  return new Map(rows.map((row) => [row.code as string, { ...row, isNew: false }]));
}

/** Finds the row's unit by code, or plans it from the row's unit columns when new. */
function resolveUnit(row: ImportRow, units: Map<string, KnownUnit>): FieldError[] {
  if (!row.unit_code) {
    return row.kind === 'employee'
      ? [fieldError('unit_code', 'required', 'An employee needs a unit', 'En medarbetare behöver en enhet')]
      : [];
  }
  if (units.has(row.unit_code)) return [];
  if (!row.unit_name) {
    return [fieldError('unit_name', 'required', 'A new unit needs a name', 'En ny enhet behöver ett namn')];
  }
  const kind = row.unit_kind ?? 'unit';
  const parent = row.parent_unit_code ? units.get(row.parent_unit_code) : undefined;
  if (row.parent_unit_code && !parent) {
    return [
      fieldError(
        'parent_unit_code',
        'unknown_unit',
        'Unknown parent unit (define it on an earlier row)',
        'Okänd överordnad enhet (ange den på en tidigare rad)',
      ),
    ];
  }
  if (parent ? !allowedChildKinds[parent.kind].includes(kind) : kind !== 'board' && kind !== 'administration') {
    return [
      fieldError(
        'unit_kind',
        'invalid_child_kind',
        'This kind cannot stand there in the tree',
        'Denna typ kan inte ligga där i trädet',
      ),
    ];
  }
  const id = randomUUID();
  units.set(row.unit_code, {
    id,
    kind,
    isNew: true,
    name: row.unit_name,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
  });
  return [];
}

function resolvePerson(row: ImportRow, parties: Map<string, string>): FieldError[] {
  const errors: FieldError[] = [];
  if (row.party_abbreviation && !parties.has(row.party_abbreviation)) {
    errors.push(fieldError('party_abbreviation', 'unknown_party', 'Unknown party', 'Okänt parti'));
  }
  if (row.kind !== 'employee' && !row.party_abbreviation) {
    errors.push(
      fieldError(
        'party_abbreviation',
        'required',
        'Officials and party staff belong to a party',
        'Förtroendevalda och partikansliets personal hör till ett parti',
      ),
    );
  }
  if (row.kind === 'elected_official' && !row.official_category) {
    errors.push(
      fieldError(
        'official_category',
        'required',
        'An elected official has a category',
        'En förtroendevald har en kategori',
      ),
    );
  }
  if (!row.employee_number && !row.email) {
    errors.push(
      fieldError(
        'employee_number',
        'required',
        'Give an employee number or an e-mail address',
        'Ange anställningsnummer eller e-postadress',
      ),
    );
  }
  return errors;
}

function personValues(tenantId: string, row: ImportRow, units: Map<string, KnownUnit>, parties: Map<string, string>) {
  return {
    tenantId,
    kind: row.kind,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    phone: row.phone,
    employeeNumber: row.employee_number,
    title: row.title,
    unitId: row.unit_code ? (units.get(row.unit_code)?.id ?? null) : null,
    partyId: row.kind !== 'employee' && row.party_abbreviation ? (parties.get(row.party_abbreviation) ?? null) : null,
    officialCategory: row.kind === 'elected_official' ? row.official_category : null,
  };
}

function duplicateKeys(people: { line: number; values: ReturnType<typeof personValues> }[]): FieldError[] {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  for (const { line, values } of people) {
    for (const [field, value] of [
      ['employee_number', values.employeeNumber],
      ['email', values.email],
    ] as const) {
      if (!value) continue;
      const earlier = seen.get(`${field}:${value}`);
      if (earlier) {
        errors.push(
          fieldError(`row ${line}.${field}`, 'duplicate', `Same as on row ${earlier}`, `Samma som på rad ${earlier}`),
        );
      } else seen.set(`${field}:${value}`, line);
    }
  }
  return errors;
}

async function upsertPeople(db: Db, tenantId: string, people: ReturnType<typeof personValues>[]): Promise<number> {
  const existing = await db
    .selectFrom('people')
    .select(['id', 'employeeNumber', 'email'])
    .where('tenantId', '=', tenantId)
    .execute();
  const byEmployeeNumber = new Map(
    existing.filter((row) => row.employeeNumber).map((row) => [row.employeeNumber, row.id]),
  );
  const byEmail = new Map(existing.filter((row) => row.email).map((row) => [row.email, row.id]));
  const inserts: typeof people = [];
  for (const person of people) {
    const id =
      (person.employeeNumber && byEmployeeNumber.get(person.employeeNumber)) ||
      (person.email && byEmail.get(person.email));
    if (id)
      await db
        .updateTable('people')
        .set({ ...person, updatedAt: new Date() })
        .where('id', '=', id)
        .execute();
    else inserts.push(person);
  }
  for (let start = 0; start < inserts.length; start += 500) {
    await db
      .insertInto('people')
      .values(inserts.slice(start, start + 500))
      .execute();
  }
  return people.length;
}
