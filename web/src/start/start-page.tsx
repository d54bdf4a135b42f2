import { type Permission, permissions } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useSession } from '../shared/session/session-context.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';

/**
 * Where each permission's task is done; tasks without a page of their own link to the list they
 * belong to. Permissions of capabilities whose pages are not built yet are left out, and not offered.
 */
const taskPaths = {
  'organisation.read': paths.organisation,
  'organisation.manage': paths.organisation,
  'people.read': paths.people,
  'people.manage': paths.newPerson,
  'people.import': paths.import,
  'sites.read': paths.sites,
  'sites.manage': paths.sites,
  'parties.read': paths.parties,
  'parties.manage': paths.parties,
  'grants.manage': paths.people,
  'audit.read': paths.auditLog,
  'jobs.read': paths.jobs,
  'incidents.report': paths.reportIncident,
  'incidents.read': paths.incidents,
  'incidents.statistics': paths.statistics,
  'threat_cases.read': paths.threatCases,
  'measures.read': paths.measureUnits,
  'measures.manage': paths.measureUnits,
} satisfies Partial<Record<Permission, string>>;
type PermissionWithPage = keyof typeof taskPaths;

/** A welcome that tells each person what their roles let them do here, from their permissions. */
export function StartPage() {
  const { t } = useTranslation();
  const user = useSession();
  const heldRoles = [...new Set(user.grants.map((grant) => grant.role))];
  const tasks = permissions.flatMap((permission) => {
    const path = (taskPaths as Partial<Record<Permission, string>>)[permission];
    return user.permissions.includes(permission) && path ? [{ permission, path }] : [];
  });

  return (
    <>
      <PageHeader
        title={t('start.welcome', { name: user.displayName })}
        intro={t('start.tenant', { tenant: user.tenantName })}
        documentTitle={t('start.title')}
      />
      <div className="start-grid">
        <section aria-labelledby="start-roles-title" className="panel">
          <h2 id="start-roles-title">{t('start.yourRoles')}</h2>
          {user.grants.length === 0 ? (
            <p>{t('start.noRoles')}</p>
          ) : (
            <ul className="plain-list">
              {user.grants.map((grant) => (
                <li key={`${grant.role}-${grant.scopeKind}-${grant.scopeName ?? ''}`}>
                  {t('start.roleWithScope', {
                    role: t(`roles.${grant.role}`),
                    scope: grant.scopeName ?? t(`scopeKinds.${grant.scopeKind}`),
                  })}
                </li>
              ))}
            </ul>
          )}
          {heldRoles.map((role) => (
            <p key={role}>{t(`roleDescriptions.${role}`)}</p>
          ))}
          <p className="card__meta">{user.hasSecondFactor ? t('start.secondFactorOn') : t('start.secondFactorOff')}</p>
        </section>
        <section aria-labelledby="start-tasks-title" className="panel">
          <h2 id="start-tasks-title">{t('start.whatYouCanDo')}</h2>
          {tasks.length === 0 ? (
            <p>{t('start.nothingYet')}</p>
          ) : (
            <ul className="task-list">
              {tasks.map(({ permission, path }) => (
                <li key={permission}>
                  <Link to={path}>{t(`start.tasks.${permission as PermissionWithPage}`)}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
