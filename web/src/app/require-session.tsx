import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/api/get-current-user.ts';
import { forgetRememberedUser, readRememberedUser, rememberUser } from '../auth/remembered-user.ts';
import { isProblemError } from '../shared/api/problem-error.ts';
import { paths } from '../shared/paths.ts';
import { SessionProvider } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { ShellLayout } from './shell-layout.tsx';

/**
 * Signed-in pages: without a session, go to sign-in and come back afterwards. Without network the
 * person last signed in on this device is assumed, so that a report can be written and queued; once
 * online, the server's answer decides again.
 */
export function RequireSession() {
  const currentUser = useCurrentUser();
  const location = useLocation();
  useEffect(() => {
    if (currentUser.data) rememberUser(currentUser.data);
    else if (currentUser.data === null) forgetRememberedUser();
  }, [currentUser.data]);

  // failureReason is set from the first failed try, while react-query still retries: no waiting.
  const { failureReason } = currentUser;
  const isUnreachable =
    currentUser.fetchStatus === 'paused' || (isProblemError(failureReason) && failureReason.status === 0);
  const rememberedUser = !currentUser.data && isUnreachable ? readRememberedUser() : null;
  if (rememberedUser) {
    return (
      <SessionProvider user={rememberedUser}>
        <ShellLayout />
      </SessionProvider>
    );
  }
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
