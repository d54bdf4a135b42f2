import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../shared/paths.ts';
import { PageHeader } from '../shared/ui/page-header.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.notFoundTitle')} intro={t('errors.notFoundText')} />
      <p>
        <Link to={paths.start}>{t('errors.goToStart')}</Link>
      </p>
    </>
  );
}
