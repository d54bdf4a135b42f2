/**
 * How sensitive a column's content is. Every column of every table is tagged beside the table's
 * definition; presenters, exports and logs follow the tags (see docs/security.md).
 * - public: may be shown to anyone in the tenant, even unauthenticated pages (names of units)
 * - internal: work data without personal content (ids, timestamps, statuses)
 * - personal: identifies a person (name, e-mail, phone)
 * - sensitive: special categories or data that harms when leaked (GDPR art. 9, secrets)
 * - criminal_offence: data on offences and suspicions (GDPR art. 10, persons of concern)
 * - protected_address: data of a person with protected identity or home details
 */
export const sensitivities = [
  'public',
  'internal',
  'personal',
  'sensitive',
  'criminal_offence',
  'protected_address',
] as const;
export type Sensitivity = (typeof sensitivities)[number];

export type SensitivityTags<Table> = { readonly [Column in keyof Table]-?: Sensitivity };

const registry = new Map<string, Readonly<Record<string, Sensitivity>>>();

/** Tags the columns of one table; the type demands a tag for every column of the table's row type. */
export function tagColumns<Table>(tableName: string, tags: SensitivityTags<Table>): SensitivityTags<Table> {
  registry.set(tableName, tags as Record<string, Sensitivity>);
  return tags;
}

/** All tagged tables, for the test that every database column carries a tag. */
export function taggedTables(): ReadonlyMap<string, Readonly<Record<string, Sensitivity>>> {
  return registry;
}
