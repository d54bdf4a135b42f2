import type { ReactNode } from 'react';

/**
 * A live region for confirmations ("saved", "created"). It is always rendered, so that screen readers
 * notice when text appears in it.
 */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className={children ? 'alert alert--success' : 'visually-hidden'}>
      {children}
    </p>
  );
}
