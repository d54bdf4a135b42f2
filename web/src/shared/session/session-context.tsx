import type { CurrentUser, Permission } from '@varn/domain';
import { createContext, type ReactNode, use } from 'react';

const SessionContext = createContext<CurrentUser | null>(null);

/** Makes the signed-in person available below; the app shell provides it once the session is known. */
export function SessionProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <SessionContext value={user}>{children}</SessionContext>;
}

/** The signed-in person. Only pages inside the signed-in shell may call it. */
export function useSession(): CurrentUser {
  const user = use(SessionContext);
  if (!user) throw new Error('useSession is used outside the signed-in shell');
  return user;
}

/** Whether the signed-in person holds the permission through any of their roles (the server limits the scope). */
export function useHasPermission(permission: Permission): boolean {
  return useSession().permissions.includes(permission);
}
