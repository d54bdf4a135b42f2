/** Every route's address, in one place so that features can link to each other's pages. */
export const paths = {
  signIn: '/sign-in',
  start: '/',
  organisation: '/organisation',
  sites: '/sites',
  people: '/people',
  newPerson: '/people/new',
  person: (personId: string) => `/people/${encodeURIComponent(personId)}`,
  parties: '/parties',
  import: '/import',
  auditLog: '/audit-log',
  incidents: '/handelser',
  incident: (incidentId: string) => `/handelser/${encodeURIComponent(incidentId)}`,
  reportIncident: '/rapportera',
  notifications: '/aviseringar',
  statistics: '/statistik',
} as const;
