import { z } from 'zod';
import { roleSchema, scopeKindSchema } from './roles.ts';
import { emailSchema, freeText, idSchema, nameText } from './text.ts';
import { localized } from './validation.ts';

/**
 * The organisation tree: boards at the top; a board governs an administration (its child);
 * departments and units below. Grants scoped to a node reach its whole subtree.
 */
export const orgUnitKinds = ['board', 'administration', 'department', 'unit'] as const;
export const orgUnitKindSchema = z.enum(orgUnitKinds);
export type OrgUnitKind = z.infer<typeof orgUnitKindSchema>;

/** Which kind of node may stand under which: the tree's shape is a domain rule. */
export const allowedChildKinds: Readonly<Record<OrgUnitKind, readonly OrgUnitKind[]>> = {
  board: ['administration'],
  administration: ['department', 'unit'],
  department: ['department', 'unit'],
  unit: ['unit'],
};

export const orgUnitSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  kind: orgUnitKindSchema,
  name: z.string(),
  code: z.string().nullable(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const orgUnitInputSchema = z.strictObject({
  parentId: idSchema.nullable(),
  kind: orgUnitKindSchema,
  name: nameText(),
  code: nameText(40).nullable().optional(),
});
export type OrgUnitInput = z.infer<typeof orgUnitInputSchema>;

export const siteSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  name: z.string(),
  streetAddress: z.string(),
  postalCode: z.string(),
  city: z.string(),
  description: z.string(),
});
export type Site = z.infer<typeof siteSchema>;
/** The sites a reporter may name as an incident's place (not paged: a unit's neighbourhood is short). */
export const reportingSitesSchema = z.array(siteSchema);

export const postalCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{2}$/, localized('Postal code is five digits', 'Postnummer är fem siffror'));

export const siteInputSchema = z.strictObject({
  unitId: idSchema,
  name: nameText(),
  streetAddress: nameText(),
  postalCode: postalCodeSchema,
  city: nameText(100),
  description: freeText(2000).default(''),
});
export type SiteInput = z.infer<typeof siteInputSchema>;

/** Staff of the city, elected officials, and party office staff (e.g. a party's security contact). */
export const personKinds = ['employee', 'elected_official', 'party_staff'] as const;
export const personKindSchema = z.enum(personKinds);

/** Specially remunerated officials (KL 4 kap. 18 a §) are enrolled in the protection programme. */
export const officialCategories = ['specially_remunerated', 'leisure'] as const;
export const officialCategorySchema = z.enum(officialCategories);

export const personSchema = z.object({
  id: idSchema,
  kind: personKindSchema,
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  title: z.string().nullable(),
  unitId: idSchema.nullable(),
  partyId: idSchema.nullable(),
  officialCategory: officialCategorySchema.nullable(),
  boardIds: z.array(idSchema),
  hasProtectedIdentity: z.boolean(),
  isActive: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, localized('Invalid phone number', 'Ogiltigt telefonnummer'));

export const personInputSchema = z
  .strictObject({
    kind: personKindSchema,
    givenName: nameText(100),
    familyName: nameText(100),
    email: emailSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    employeeNumber: nameText(40).nullable().optional(),
    title: nameText(200).nullable().optional(),
    unitId: idSchema.nullable().optional(),
    partyId: idSchema.nullable().optional(),
    officialCategory: officialCategorySchema.nullable().optional(),
    boardIds: z.array(idSchema).max(50).default([]),
    hasProtectedIdentity: z.boolean().default(false),
    isActive: z.boolean().default(true),
  })
  .superRefine((person, context) => {
    if (person.kind === 'employee' && !person.unitId) {
      context.addIssue({
        code: 'custom',
        path: ['unitId'],
        ...localized('An employee belongs to a unit', 'En medarbetare hör till en enhet'),
      });
    }
    if (person.kind === 'party_staff' && !person.partyId) {
      context.addIssue({
        code: 'custom',
        path: ['partyId'],
        ...localized('Party office staff belong to a party', 'Partikansliets personal hör till ett parti'),
      });
    }
    if (person.kind === 'elected_official' && !person.officialCategory) {
      context.addIssue({
        code: 'custom',
        path: ['officialCategory'],
        ...localized('An elected official has a category', 'En förtroendevald har en kategori'),
      });
    }
  });
export type PersonInput = z.infer<typeof personInputSchema>;

export const partySchema = z.object({
  id: idSchema,
  name: z.string(),
  abbreviation: z.string(),
  officeEmail: z.string().nullable(),
  securityContactPersonId: idSchema.nullable(),
  /** The security contact's given and family name, for showing beside the party. */
  securityContactName: z.string().nullable(),
});
export type Party = z.infer<typeof partySchema>;

export const partyInputSchema = z.strictObject({
  name: nameText(),
  abbreviation: nameText(10),
  officeEmail: emailSchema.nullable().optional(),
  securityContactPersonId: idSchema.nullable().optional(),
});
export type PartyInput = z.infer<typeof partyInputSchema>;

export const grantSchema = z.object({
  id: idSchema,
  personId: idSchema,
  role: roleSchema,
  scopeKind: scopeKindSchema,
  orgUnitId: idSchema.nullable(),
  partyId: idSchema.nullable(),
});
export type Grant = z.infer<typeof grantSchema>;

export const grantInputSchema = z
  .strictObject({
    personId: idSchema,
    role: roleSchema,
    scopeKind: scopeKindSchema,
    orgUnitId: idSchema.nullable().optional(),
    partyId: idSchema.nullable().optional(),
  })
  .superRefine((grant, context) => {
    if (grant.scopeKind === 'org_unit' && !grant.orgUnitId) {
      context.addIssue({
        code: 'custom',
        path: ['orgUnitId'],
        ...localized('Choose the organisation unit', 'Välj organisationsenhet'),
      });
    }
    if (grant.scopeKind === 'party' && !grant.partyId) {
      context.addIssue({ code: 'custom', path: ['partyId'], ...localized('Choose the party', 'Välj parti') });
    }
  });
export type GrantInput = z.infer<typeof grantInputSchema>;

export const peopleFilterSchema = z.strictObject({
  unitId: idSchema.optional(),
  partyId: idSchema.optional(),
  kind: personKindSchema.optional(),
  search: z.string().trim().max(100).optional(),
});

/** The columns of a people and units import (an HR export as CSV), in the order of the template. */
export const peopleImportColumns = [
  'kind',
  'given_name',
  'family_name',
  'email',
  'phone',
  'employee_number',
  'title',
  'unit_code',
  'unit_name',
  'parent_unit_code',
  'unit_kind',
  'party_abbreviation',
  'official_category',
] as const;
export type PeopleImportColumn = (typeof peopleImportColumns)[number];
