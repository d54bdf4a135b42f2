import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useOrgUnits } from './api/get-org-units.ts';
import { buildOrgTree } from './org-tree.ts';
import { OrgTreeList } from './org-tree-list.tsx';
import { OrgUnitCreateForm } from './org-unit-create-form.tsx';

export function OrgTreePage() {
  const { t } = useTranslation();
  const orgUnits = useOrgUnits();
  const canManage = useHasPermission('organisation.manage');

  return (
    <>
      <PageHeader title={t('organisation.title')} intro={t('organisation.intro')} />
      <section aria-labelledby="org-tree-title" className="panel">
        <h2 id="org-tree-title">{t('organisation.tree')}</h2>
        {orgUnits.isPending && <Loading />}
        {orgUnits.isError && <ProblemAlert error={orgUnits.error} />}
        {orgUnits.data?.length === 0 && <p>{t('organisation.empty')}</p>}
        {orgUnits.data && orgUnits.data.length > 0 && (
          <OrgTreeList nodes={buildOrgTree(orgUnits.data)} canManage={canManage} isRoot />
        )}
      </section>
      {canManage && orgUnits.data && (
        <section aria-labelledby="org-unit-create-title" className="panel">
          <h2 id="org-unit-create-title">{t('organisation.addTitle')}</h2>
          <OrgUnitCreateForm units={orgUnits.data} />
        </section>
      )}
    </>
  );
}
