import type { Permission } from '@varn/domain';
import type { sv } from '../shared/i18n/sv.ts';
import { paths } from '../shared/paths.ts';

export type NavigationItem = {
  to: string;
  labelKey: `navigation.${keyof typeof sv.navigation}`;
  /** Shown only to people holding this permission; Start is for everyone. */
  permission: Permission | null;
};

/** The main navigation, in order. The server still checks every request; this only hides what would fail. */
export const navigationItems: readonly NavigationItem[] = [
  { to: paths.start, labelKey: 'navigation.start', permission: null },
  { to: paths.reportIncident, labelKey: 'navigation.report', permission: 'incidents.report' },
  { to: paths.incidents, labelKey: 'navigation.incidents', permission: 'incidents.read' },
  { to: paths.statistics, labelKey: 'navigation.statistics', permission: 'incidents.statistics' },
  { to: paths.threatCases, labelKey: 'navigation.threatCases', permission: 'threat_cases.read' },
  { to: paths.riskAnalyses, labelKey: 'navigation.riskAnalyses', permission: 'risk_analyses.read' },
  {
    to: paths.protectionProgramme,
    labelKey: 'navigation.protectionProgramme',
    permission: 'protection_programme.read',
  },
  // The board reader follows the programme up without the list of officials.
  {
    to: paths.programmeFollowUp,
    labelKey: 'navigation.programmeFollowUp',
    permission: 'protection_programme.follow_up',
  },
  { to: paths.drills, labelKey: 'navigation.drills', permission: 'drills.read' },
  { to: paths.training, labelKey: 'navigation.training', permission: 'training.read' },
  { to: paths.myMeasures, labelKey: 'navigation.myMeasures', permission: null },
  { to: paths.measureUnits, labelKey: 'navigation.measures', permission: 'measures.read' },
  { to: paths.organisation, labelKey: 'navigation.organisation', permission: 'organisation.read' },
  { to: paths.sites, labelKey: 'navigation.sites', permission: 'sites.read' },
  { to: paths.securityWalks, labelKey: 'navigation.securityWalks', permission: 'security_walks.read' },
  { to: paths.people, labelKey: 'navigation.people', permission: 'people.read' },
  { to: paths.parties, labelKey: 'navigation.parties', permission: 'parties.read' },
  { to: paths.import, labelKey: 'navigation.import', permission: 'people.import' },
  { to: paths.auditLog, labelKey: 'navigation.auditLog', permission: 'audit.read' },
  { to: paths.jobs, labelKey: 'navigation.jobs', permission: 'jobs.read' },
];

export function visibleNavigationItems(permissions: readonly Permission[]): NavigationItem[] {
  return navigationItems.filter((item) => item.permission === null || permissions.includes(item.permission));
}
