import type { Role } from './roles.ts';

/**
 * Every action a route can demand. A route declares exactly one of these, or `public` (no session)
 * or `authenticated` (any signed-in person, acting on themself only).
 */
export const permissions = [
  'organisation.read',
  'organisation.manage',
  'people.read',
  'people.manage',
  'people.import',
  'sites.read',
  'sites.manage',
  'parties.read',
  'parties.manage',
  'grants.manage',
  'audit.read',
  'incidents.report',
  'incidents.read',
  'incidents.handle',
  'incidents.read_person_of_concern',
  'incidents.statistics',
  'incidents.report_on_behalf',
  'incidents.export_person_of_concern',
  'jobs.read',
  'jobs.manage',
  'threat_cases.read',
  'threat_cases.manage',
  'measures.read',
  'measures.manage',
] as const;
export type Permission = (typeof permissions)[number];
export type RouteAccess = Permission | 'public' | 'authenticated';

// Reporting and reading one's own reports come with the base roles (employee, elected official, a
// self grant every member of staff or official holds); which reports a role reads is its grant's
// scope. Roles granted city-wide for another task (duty officer, administrator) do not read
// incidents: need-to-know. The board reader sees aggregates only: the statistics of its scope.
const reporting = ['incidents.report', 'incidents.read'] as const;
const handling = [...reporting, 'incidents.handle', 'incidents.read_person_of_concern'] as const;
const statistics = 'incidents.statistics';
// Threat cases: the role's scope is necessary but not enough; the case's access list decides (need-to-know).
const threatCases = ['threat_cases.read', 'threat_cases.manage'] as const;
// Measures of every source and the action plans: the grant's scope says whose (a manager's unit, a
// coordinator's administration, the security department's tenant). Owners see their own without these.
const measures = ['measures.read', 'measures.manage'] as const;

/**
 * The permission model: what each role may do. The scope of the grant that carries the role limits
 * *which* records the permission reaches; the authorization module in the server applies it.
 */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  employee: [...reporting],
  elected_official: [...reporting],
  manager: [
    'organisation.read',
    'people.read',
    'sites.read',
    ...handling,
    statistics,
    'incidents.report_on_behalf',
    ...threatCases,
    ...measures,
  ],
  // The safety representative sees the incidents of the area, never the person of concern.
  safety_representative: ['organisation.read', 'sites.read', ...reporting, statistics],
  security_coordinator: [
    'organisation.read',
    'people.read',
    'sites.read',
    ...handling,
    statistics,
    ...threatCases,
    ...measures,
  ],
  // Person-of-concern data in bulk (an Excel export) only for the security department: need-to-know
  // for one incident at a time does not extend to a spreadsheet of criminal-offence data.
  security_department: [
    'organisation.read',
    'people.read',
    'sites.read',
    'parties.read',
    'audit.read',
    ...handling,
    statistics,
    'incidents.export_person_of_concern',
    ...threatCases,
    ...measures,
  ],
  party_security_contact: [
    'parties.read',
    'people.read',
    ...reporting,
    'incidents.read_person_of_concern',
    statistics,
    'incidents.report_on_behalf',
  ],
  duty_officer: ['organisation.read', 'sites.read'],
  board_reader: ['organisation.read', statistics],
  administrator: [
    'organisation.read',
    'organisation.manage',
    'people.read',
    'people.manage',
    'people.import',
    'sites.read',
    'sites.manage',
    'parties.read',
    'parties.manage',
    'grants.manage',
    'audit.read',
    // Sending and reminders of the tenant: the administrator sees failed ones and runs them again.
    'jobs.read',
    'jobs.manage',
  ],
};

/** True when at least one of the roles carries the permission, whatever the scope. */
export function rolesHavePermission(heldRoles: readonly Role[], permission: Permission): boolean {
  return heldRoles.some((role) => rolePermissions[role].includes(permission));
}

/** Every permission that at least one of the roles carries. */
export function permissionsOfRoles(heldRoles: readonly Role[]): Permission[] {
  return [...new Set(heldRoles.flatMap((role) => rolePermissions[role]))];
}
