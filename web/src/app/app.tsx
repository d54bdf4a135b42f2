import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { currentUserQueryKey } from '../auth/api/get-current-user.ts';
import { isProblemError } from '../shared/api/problem-error.ts';
import { createRouter } from './router.tsx';

function createQueryClient() {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 on any page means the session ended (expired or signed out elsewhere): forget the person,
      // and the shell sends them to sign-in.
      onError: (error) => {
        if (isProblemError(error) && error.status === 401) queryClient.setQueryData(currentUserQueryKey, null);
      },
    }),
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
