import { Navigate, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/api/get-current-user.ts';
import { paths } from '../shared/paths.ts';
import { SessionProvider } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { ShellLayout } from './shell-layout.tsx';

/** Signed-in pages: without a session, go to sign-in and come back afterwards. */
export function RequireSession() {
  const currentUser = useCurrentUser();
  const location = useLocation();
  if (currentUser.isPending) {
    return (
      <main id="main-content" className="shell__main">
        <Loading />
      </main>
    );
  }
  if (currentUser.isError) {
    return (
      <main id="main-content" className="shell__main">
        <ProblemAlert error={currentUser.error} />
      </main>
    );
  }
  if (!currentUser.data) {
    return <Navigate to={paths.signIn} replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return (
    <SessionProvider user={currentUser.data}>
      <ShellLayout />
    </SessionProvider>
  );
}
