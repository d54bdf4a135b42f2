import { type CurrentUser, currentUserSchema } from '@varn/domain';

/**
 * The person last signed in on this device, so that the app (the report form above all) opens without
 * network. Only the person's own account details; it gives no access by itself: every request still
 * needs the session cookie, and the server decides. Forgotten when the session ends or at sign-out.
 */
const key = 'varn.remembered-user';

export function rememberUser(user: CurrentUser): void {
  try {
    localStorage.setItem(key, JSON.stringify(user));
  } catch {
    // Storage full or blocked: the app then needs network to start.
  }
}

export function forgetRememberedUser(): void {
  localStorage.removeItem(key);
}

export function readRememberedUser(): CurrentUser | null {
  try {
    const parsed = currentUserSchema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
