import type { Permission } from '@varn/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';

/** A page behind a permission: someone without it who types the address gets an explanation, not a broken page. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const isAllowed = useHasPermission(permission);
  if (isAllowed) return children;
  return <PageHeader title={t('errors.forbiddenTitle')} intro={t('errors.forbiddenText')} />;
}
