import type { Permission } from '@varn/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../shared/session/session-context.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';

/**
 * A page behind a permission (or any of several): someone without it who types the address gets an
 * explanation, not a broken page.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const held = useSession().permissions;
  const isAllowed = [permission].flat().some((needed) => held.includes(needed));
  if (isAllowed) return children;
  return <PageHeader title={t('errors.forbiddenTitle')} intro={t('errors.forbiddenText')} />;
}
