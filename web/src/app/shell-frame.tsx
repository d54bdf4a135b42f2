import { type ReactNode, Suspense } from 'react';
import { Outlet } from 'react-router';
import { Loading } from '../shared/ui/loading.tsx';
import { SkipLink } from './skip-link.tsx';

/** The frame of every page: the skip link, the header the layout fills in, and the page in <main>. */
export function ShellFrame({ header }: { header: ReactNode }) {
  return (
    <div className="shell">
      <SkipLink />
      <header className="shell__header">{header}</header>
      {/* The skip link's target: tabIndex -1 lets following #main-content move focus here. */}
      <main id="main-content" className="shell__main" tabIndex={-1}>
        {/* Pages with charts are loaded when first opened (see router.tsx). */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
