import type { Permission } from '@varn/domain';
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AuditLogPage } from '../audit/audit-log-page.tsx';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { IncidentPage } from '../incidents/incident-page.tsx';
import { IncidentSummaryPage } from '../incidents/incident-summary-page.tsx';
import { IncidentsPage } from '../incidents/incidents-page.tsx';
import { ReportIncidentPage } from '../incidents/report-incident-page.tsx';
import { JobsPage } from '../jobs/jobs-page.tsx';
import { NotificationsPage } from '../notifications/notifications-page.tsx';
import { ImportPage } from '../organisation/import-page.tsx';
import { NewPersonPage } from '../organisation/new-person-page.tsx';
import { OrgTreePage } from '../organisation/org-tree-page.tsx';
import { PartiesPage } from '../organisation/parties-page.tsx';
import { PeoplePage } from '../organisation/people-page.tsx';
import { PersonPage } from '../organisation/person-page.tsx';
import { SitesPage } from '../organisation/sites-page.tsx';
import { paths } from '../shared/paths.ts';
import { StartPage } from '../start/start-page.tsx';
import { CompletionImportPage } from '../training/completion-import-page.tsx';
import { CoursePage } from '../training/course-page.tsx';
import { CoveragePage } from '../training/coverage-page.tsx';
import { OccasionPage } from '../training/occasion-page.tsx';
import { TrainingPage } from '../training/training-page.tsx';
import { IncidentMeasureSummary, IncidentMeasures } from './incident-measures.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PublicLayout } from './public-layout.tsx';
import { RequirePermission } from './require-permission.tsx';
import { RequireSession } from './require-session.tsx';
import { RouteError } from './route-error.tsx';

type ProtectedPage = { path: string; permission: Permission; page: ReactNode };

/** Every page behind a permission, with the permission it needs; the server checks again on every request. */
const protectedPages: readonly ProtectedPage[] = [
  { path: paths.organisation, permission: 'organisation.read', page: <OrgTreePage /> },
  { path: paths.sites, permission: 'sites.read', page: <SitesPage /> },
  { path: paths.people, permission: 'people.read', page: <PeoplePage /> },
  { path: paths.newPerson, permission: 'people.manage', page: <NewPersonPage /> },
  { path: '/people/:personId', permission: 'people.read', page: <PersonPage /> },
  { path: paths.parties, permission: 'parties.read', page: <PartiesPage /> },
  { path: paths.import, permission: 'people.import', page: <ImportPage /> },
  { path: paths.auditLog, permission: 'audit.read', page: <AuditLogPage /> },
  { path: paths.jobs, permission: 'jobs.read', page: <JobsPage /> },
  { path: paths.reportIncident, permission: 'incidents.report', page: <ReportIncidentPage /> },
  { path: paths.incidents, permission: 'incidents.read', page: <IncidentsPage /> },
  { path: '/handelser/:incidentId', permission: 'incidents.read', page: <IncidentPage measures={IncidentMeasures} /> },
  {
    path: '/handelser/:incidentId/sammanstallning',
    permission: 'incidents.handle',
    page: <IncidentSummaryPage measures={IncidentMeasureSummary} />,
  },
  { path: paths.training, permission: 'training.read', page: <TrainingPage /> },
  { path: paths.trainingCoverage, permission: 'training.read', page: <CoveragePage /> },
  { path: '/utbildning/kurser/:courseId', permission: 'training.read', page: <CoursePage /> },
  { path: '/utbildning/kurser/:courseId/import', permission: 'training.manage', page: <CompletionImportPage /> },
  { path: '/utbildning/tillfallen/:occasionId', permission: 'training.manage', page: <OccasionPage /> },
];

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        {
          element: <PublicLayout />,
          children: [{ path: paths.signIn, element: <SignInPage /> }],
        },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <StartPage /> },
            // Every signed-in person has notifications of their own: no permission needed.
            { path: paths.notifications, element: <NotificationsPage /> },
            ...protectedPages.map(({ path, permission, page }) => ({
              path,
              element: <RequirePermission permission={permission}>{page}</RequirePermission>,
            })),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
