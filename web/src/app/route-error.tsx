import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { paths } from '../shared/paths.ts';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useDocumentTitle } from '../shared/ui/use-document-title.ts';

/** Shown when a page fails to render; a full reload to the start page is the way out. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('errors.pageErrorTitle'));
  return (
    <main id="main-content" className="shell__main">
      <h1>{t('errors.pageErrorTitle')}</h1>
      <ProblemAlert error={error} />
      <p>
        <a href={paths.start}>{t('errors.goToStart')}</a>
      </p>
    </main>
  );
}
