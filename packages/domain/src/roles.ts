import { z } from 'zod';

/** The roles of DESIGN.md. A person holds roles through grants, each scoped (see `scopeKinds`). */
export const roles = [
  'employee',
  'manager',
  'safety_representative',
  'security_coordinator',
  'security_department',
  'party_security_contact',
  'elected_official',
  'duty_officer',
  'board_reader',
  'administrator',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/**
 * Where a grant applies: the whole tenant, an organisation subtree (a board, an administration,
 * a department or a unit and everything below it), one party, or only the person themself.
 */
export const scopeKinds = ['tenant', 'org_unit', 'party', 'self'] as const;
export const scopeKindSchema = z.enum(scopeKinds);
export type ScopeKind = z.infer<typeof scopeKindSchema>;

/** Roles that see sensitive data: their accounts must use a second factor (issue 2). */
export const rolesRequiringSecondFactor: ReadonlySet<Role> = new Set<Role>([
  'security_department',
  'security_coordinator',
  'manager',
  'party_security_contact',
  'duty_officer',
  'administrator',
]);

/** True when any of the roles demands a second factor at sign-in. */
export function requiresSecondFactor(heldRoles: readonly Role[]): boolean {
  return heldRoles.some((role) => rolesRequiringSecondFactor.has(role));
}
