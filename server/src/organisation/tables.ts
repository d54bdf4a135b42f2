import type { ProtectionElements } from '@varn/domain';
import type { Generated, JSONColumnType } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface TenantTable {
  id: Generated<string>;
  slug: string;
  name: string;
  createdAt: Generated<Date>;
}
export const tenantColumns = tagColumns<TenantTable>('tenants', {
  id: 'internal',
  slug: 'public',
  name: 'public',
  createdAt: 'internal',
});

export interface OrgUnitTable {
  id: Generated<string>;
  tenantId: string;
  parentId: string | null;
  kind: 'board' | 'administration' | 'department' | 'unit';
  name: string;
  code: string | null;
  path: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export const orgUnitColumns = tagColumns<OrgUnitTable>('org_units', {
  id: 'internal',
  tenantId: 'internal',
  parentId: 'internal',
  kind: 'public',
  name: 'public',
  code: 'public',
  path: 'internal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface SiteTable {
  id: Generated<string>;
  tenantId: string;
  unitId: string;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  description: Generated<string>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// Workplace addresses are known to the public; what protects them is in site_protection_profiles.
export const siteColumns = tagColumns<SiteTable>('sites', {
  id: 'internal',
  tenantId: 'internal',
  unitId: 'internal',
  name: 'public',
  streetAddress: 'public',
  postalCode: 'public',
  city: 'public',
  description: 'internal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface PartyTable {
  id: Generated<string>;
  tenantId: string;
  name: string;
  abbreviation: string;
  officeEmail: string | null;
  securityContactPersonId: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export const partyColumns = tagColumns<PartyTable>('parties', {
  id: 'internal',
  tenantId: 'internal',
  name: 'public',
  abbreviation: 'public',
  officeEmail: 'internal',
  securityContactPersonId: 'internal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface PersonTable {
  id: Generated<string>;
  tenantId: string;
  kind: 'employee' | 'elected_official' | 'party_staff';
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  employeeNumber: string | null;
  title: string | null;
  unitId: string | null;
  partyId: string | null;
  officialCategory: 'specially_remunerated' | 'leisure' | null;
  hasProtectedIdentity: Generated<boolean>;
  isActive: Generated<boolean>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// Party membership of an official is public record; for staff it would be sensitive (art. 9), and
// the schema only allows it on elected officials.
export const personColumns = tagColumns<PersonTable>('people', {
  id: 'internal',
  tenantId: 'internal',
  kind: 'internal',
  givenName: 'personal',
  familyName: 'personal',
  email: 'personal',
  phone: 'personal',
  employeeNumber: 'personal',
  title: 'personal',
  unitId: 'internal',
  partyId: 'personal',
  officialCategory: 'personal',
  hasProtectedIdentity: 'protected_address',
  isActive: 'internal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface BoardMembershipTable {
  tenantId: string;
  personId: string;
  boardId: string;
}
export const boardMembershipColumns = tagColumns<BoardMembershipTable>('board_memberships', {
  tenantId: 'internal',
  personId: 'internal',
  boardId: 'personal',
});

export interface SiteProtectionProfileTable {
  id: Generated<string>;
  tenantId: string;
  siteId: string;
  version: number;
  elements: JSONColumnType<ProtectionElements, string, string>;
  alarmCentre: Generated<string>;
  note: Generated<string>;
  changedByPersonId: string;
  createdAt: Generated<Date>;
}
// What protects an address, and where it is weak (no lock on the meeting room, no alarm centre),
// would help someone who means harm: the profile's content is sensitive.
export const siteProtectionProfileColumns = tagColumns<SiteProtectionProfileTable>('site_protection_profiles', {
  id: 'internal',
  tenantId: 'internal',
  siteId: 'internal',
  version: 'internal',
  elements: 'sensitive',
  alarmCentre: 'sensitive',
  note: 'sensitive',
  changedByPersonId: 'personal',
  createdAt: 'internal',
});
