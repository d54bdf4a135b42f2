import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { SkipLink } from './skip-link.tsx';

/** The frame of every page: the skip link, the header the layout fills in, and the page in <main>. */
export function ShellFrame({ header }: { header: ReactNode }) {
  return (
    <div className="shell">
      <SkipLink />
      <header className="shell__header">{header}</header>
      {/* The skip link's target: tabIndex -1 lets following #main-content move focus here. */}
      <main id="main-content" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
