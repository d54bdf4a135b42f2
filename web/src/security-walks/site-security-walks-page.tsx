import type { SiteSecurityWalks } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useSite, useSiteSecurityWalks } from './api/security-walks.ts';
import { SiteProtectionSection } from './site-protection-section.tsx';
import { StartWalkForm } from './start-walk-form.tsx';
import './security-walks.css';

/**
 * A site's page: the last walk and its open deviations, the site's action plan and protection
 * profile, earlier walks, and starting a new walk.
 */
export function SiteSecurityWalksPage() {
  const { t } = useTranslation();
  const { siteId = '' } = useParams();
  const site = useSite(siteId);
  const walks = useSiteSecurityWalks(siteId);
  const canWalk = useHasPermission('security_walks.manage');
  const canReadMeasures = useHasPermission('measures.read');
  const name = site.data?.name ?? '';

  return (
    <>
      <p className="back-link">
        <Link to={paths.securityWalks}>{t('securityWalks.backToOverview')}</Link>
      </p>
      <PageHeader title={t('securityWalks.site.title', { name })} intro={site.data?.streetAddress} />
      {(site.isPending || walks.isPending) && <Loading />}
      {site.isError && <ProblemAlert error={site.error} />}
      {walks.isError && <ProblemAlert error={walks.error} />}
      {walks.data && <LastWalkSection walks={walks.data} />}
      {canReadMeasures && site.data && (
        <p>
          <Link className="button button--secondary" to={paths.siteActionPlan(siteId)}>
            {t('securityWalks.site.actionPlan')}
          </Link>
        </p>
      )}
      {site.data && <SiteProtectionSection siteId={siteId} />}
      {walks.data && walks.data.walks.length > 1 && (
        <section aria-labelledby="earlier-walks-title" className="panel">
          <h2 id="earlier-walks-title">{t('securityWalks.site.earlier')}</h2>
          <ul className="plain-list">
            {walks.data.walks.slice(1).map((walk) => (
              <li key={walk.id}>
                <Link to={paths.securityWalk(walk.id)}>{formatDate(walk.walkedOn)}</Link> ·{' '}
                {t(`securityWalks.statuses.${walk.status}`)} ·{' '}
                {t('securityWalks.deviationCount', { count: walk.deviationCount })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {canWalk && site.data && (
        <section aria-labelledby="start-walk-title" className="panel">
          <h2 id="start-walk-title">{t('securityWalks.start.title')}</h2>
          <StartWalkForm siteId={siteId} />
        </section>
      )}
    </>
  );
}

function LastWalkSection({ walks }: { walks: SiteSecurityWalks }) {
  const { t } = useTranslation();
  const last = walks.lastWalk;
  return (
    <section aria-labelledby="last-walk-title" className="panel">
      <h2 id="last-walk-title">{t('securityWalks.site.lastAndOpen')}</h2>
      {last ? (
        <p>
          {t('securityWalks.site.lastWalk', {
            date: formatDate(last.walkedOn),
            status: t(`securityWalks.statuses.${last.status}`),
          })}{' '}
          <Link to={paths.securityWalk(last.id)}>{t('securityWalks.site.showWalk')}</Link>
        </p>
      ) : (
        <p>{t('securityWalks.site.neverWalked')}</p>
      )}
      <h3>{t('securityWalks.site.openDeviations', { count: walks.openDeviations.length })}</h3>
      {walks.openDeviations.length === 0 ? (
        <p>{t('securityWalks.site.noOpenDeviations')}</p>
      ) : (
        <ul className="walk-deviations">
          {walks.openDeviations.map((deviation) => (
            <li key={`${deviation.walkId}-${deviation.questionKey}`} className="walk-deviation">
              <p className="walk-deviation__question">{deviation.questionText}</p>
              <p>{deviation.note}</p>
              <p className="card__meta">
                {formatDate(deviation.walkedOn)} ·{' '}
                {deviation.measureStatus
                  ? t('securityWalks.measureStatus', {
                      status: t(`followUp.measures.statuses.${deviation.measureStatus}`, {
                        defaultValue: deviation.measureStatus,
                      }),
                    })
                  : t('securityWalks.noMeasure')}{' '}
                · <Link to={paths.securityWalk(deviation.walkId)}>{t('securityWalks.site.showWalk')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
