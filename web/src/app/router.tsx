import { createBrowserRouter } from 'react-router';
import { AuditLogPage } from '../audit/audit-log-page.tsx';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { ImportPage } from '../organisation/import-page.tsx';
import { NewPersonPage } from '../organisation/new-person-page.tsx';
import { OrgTreePage } from '../organisation/org-tree-page.tsx';
import { PartiesPage } from '../organisation/parties-page.tsx';
import { PeoplePage } from '../organisation/people-page.tsx';
import { PersonPage } from '../organisation/person-page.tsx';
import { SitesPage } from '../organisation/sites-page.tsx';
import { paths } from '../shared/paths.ts';
import { StartPage } from '../start/start-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PublicLayout } from './public-layout.tsx';
import { RequirePermission } from './require-permission.tsx';
import { RequireSession } from './require-session.tsx';
import { RouteError } from './route-error.tsx';

/** Every page and the permission it needs; the server checks again on every request. */
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
            {
              path: paths.organisation,
              element: (
                <RequirePermission permission="organisation.read">
                  <OrgTreePage />
                </RequirePermission>
              ),
            },
            {
              path: paths.sites,
              element: (
                <RequirePermission permission="sites.read">
                  <SitesPage />
                </RequirePermission>
              ),
            },
            {
              path: paths.people,
              element: (
                <RequirePermission permission="people.read">
                  <PeoplePage />
                </RequirePermission>
              ),
            },
            {
              path: paths.newPerson,
              element: (
                <RequirePermission permission="people.manage">
                  <NewPersonPage />
                </RequirePermission>
              ),
            },
            {
              path: '/people/:personId',
              element: (
                <RequirePermission permission="people.read">
                  <PersonPage />
                </RequirePermission>
              ),
            },
            {
              path: paths.parties,
              element: (
                <RequirePermission permission="parties.read">
                  <PartiesPage />
                </RequirePermission>
              ),
            },
            {
              path: paths.import,
              element: (
                <RequirePermission permission="people.import">
                  <ImportPage />
                </RequirePermission>
              ),
            },
            {
              path: paths.auditLog,
              element: (
                <RequirePermission permission="audit.read">
                  <AuditLogPage />
                </RequirePermission>
              ),
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
