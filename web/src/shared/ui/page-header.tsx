import type { ReactNode } from 'react';
import { useDocumentTitle } from './use-document-title.ts';

type PageHeaderProps = {
  title: string;
  intro?: string | undefined;
  actions?: ReactNode;
  /** The tab title when it should differ from the heading (e.g. "Start" for a personal greeting). */
  documentTitle?: string;
};

/**
 * Every page's h1 and tab title. The h1 takes focus after navigation (tabIndex -1) so that screen
 * reader users hear where they arrived.
 */
export function PageHeader({ title, intro, actions, documentTitle }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <div className="page-header">
      <div>
        <h1 tabIndex={-1} data-page-heading="">
          {title}
        </h1>
        {intro && <p className="page-header__intro">{intro}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
