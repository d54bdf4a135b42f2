import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { currentUserQueryKey } from '../auth/api/get-current-user.ts';
import { isProblemError } from '../shared/api/problem-error.ts';
import { createRouter } from './router.tsx';

function createQueryClient() {
  // A 401 on any request means the session ended (expired or signed out elsewhere): forget the person,
  // and the shell sends them to sign-in. Sign-in's own 401s (wrong password or code) come before a session.
  function forgetEndedSession(error: unknown) {
    if (isProblemError(error) && error.status === 401 && queryClient.getQueryData(currentUserQueryKey)) {
      queryClient.setQueryData(currentUserQueryKey, null);
    }
  }
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: forgetEndedSession }),
    mutationCache: new MutationCache({ onError: forgetEndedSession }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors will not change on retry; network and server errors might.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isProblemError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}

/** The providers: server state (react-query) and routes. i18n is set up before the first render. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
