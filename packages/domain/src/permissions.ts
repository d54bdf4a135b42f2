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
  'security_walks.read',
  'security_walks.manage',
  'checklist_templates.manage',
  'jobs.read',
  'jobs.manage',
  'threat_cases.read',
  'threat_cases.manage',
  'risk_analyses.read',
  'risk_analyses.manage',
  'risk_analyses.answer_escalation',
  'risk_analyses.read_unanswered_escalation',
  'protection_programme.read',
  'protection_programme.manage',
  'protection_programme.read_notes',
  'protection_programme.follow_up',
  'drills.read',
  'drills.manage',
  'training.read',
  'training.manage',
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
// Risk analyses before activities: a party office makes them for its officials, an administration's
// security coordinator for its board's activities, a manager for the unit's staff; the grant's scope
// says whose. The security department sees all of the tenant's and answers escalations.
const riskAnalysing = ['risk_analyses.read', 'risk_analyses.manage'] as const;
// Security walks (skyddsronder) of the sites in the grant's scope: the manager, coordinator and
// security department walk them; the safety representative takes part and reads them. Checklist
// templates are the tenant's: the security department versions them.
const walking = ['security_walks.read', 'security_walks.manage'] as const;
// Drills belong to the sites' units: whoever leads the unit or the administration plans and records them.
const drills = ['drills.read', 'drills.manage'] as const;
// Training: everyone sees their own completions (a self grant); a manager follows the unit's coverage;
// the coordinator (administration) and the security department (city) also plan courses and record them.
const trainingManagement = ['training.read', 'training.manage'] as const;
// Measures of every source and the action plans: the grant's scope says whose (a manager's unit, a
// coordinator's administration, the security department's tenant). Owners see their own without these.
const measures = ['measures.read', 'measures.manage'] as const;

/**
 * The permission model: what each role may do. The scope of the grant that carries the role limits
 * *which* records the permission reaches; the authorization module in the server applies it.
 */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  employee: [...reporting, 'training.read'],
  elected_official: [...reporting, 'training.read'],
  manager: [
    'organisation.read',
    'people.read',
    'sites.read',
    ...handling,
    statistics,
    'incidents.report_on_behalf',
    ...threatCases,
    ...riskAnalysing,
    ...walking,
    ...drills,
    'training.read',
    ...measures,
  ],
  // The safety representative sees the incidents of the area, never the person of concern.
  safety_representative: ['organisation.read', 'sites.read', ...reporting, statistics, 'security_walks.read'],
  security_coordinator: [
    'organisation.read',
    'people.read',
    'sites.read',
    ...handling,
    statistics,
    ...threatCases,
    ...riskAnalysing,
    ...walking,
    ...drills,
    ...trainingManagement,
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
    ...riskAnalysing,
    'risk_analyses.answer_escalation',
    ...walking,
    'checklist_templates.manage',
    ...drills,
    ...trainingManagement,
    // The protection programme is the security department's (Kommunallagen 4 kap. 18 a §); only it
    // reads the notes of security conversations.
    'protection_programme.read',
    'protection_programme.manage',
    'protection_programme.read_notes',
    'protection_programme.follow_up',
    ...measures,
  ],
  party_security_contact: [
    'parties.read',
    'people.read',
    ...reporting,
    'incidents.read_person_of_concern',
    statistics,
    'incidents.report_on_behalf',
    ...riskAnalysing,
    // Its own party's officials (the grant's party scope): instruction, training, conversations, due dates.
    'protection_programme.read',
  ],
  // The duty officer is told of an escalation the security department has not answered in time, so
  // that someone chases an answer before the activity: they may open that analysis while it waits.
  duty_officer: ['organisation.read', 'sites.read', 'risk_analyses.read_unanswered_escalation'],
  // The programme's follow-up holds counts per party, never names.
  board_reader: ['organisation.read', statistics, 'protection_programme.follow_up'],
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
