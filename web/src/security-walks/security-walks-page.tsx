import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterSelect } from '../shared/forms/filter-fields.tsx';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useChecklistTemplates, useWalkCoverage, useWalkOrgUnits } from './api/security-walks.ts';
import './security-walks.css';

/** The administration's overview (or a unit's): which of its sites were walked in the last twelve months. */
export function SecurityWalksPage() {
  const { t } = useTranslation();
  const orgUnits = useWalkOrgUnits();
  const [chosen, setChosen] = useState('');
  const orgUnitId = chosen || orgUnits.data?.[0]?.id || '';
  const coverage = useWalkCoverage(orgUnitId);
  const items = coverage.data?.items ?? [];
  const walkedCount = items.filter((item) => item.isWalkedWithinYear).length;

  return (
    <>
      <PageHeader title={t('securityWalks.title')} intro={t('securityWalks.intro')} />
      {orgUnits.isError && <ProblemAlert error={orgUnits.error} />}
      {(orgUnits.data?.length ?? 0) > 0 && (
        <div className="filters">
          <FilterSelect
            id="security-walks-administration"
            label={t('securityWalks.administration')}
            value={orgUnitId}
            onChange={setChosen}
            options={(orgUnits.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </div>
      )}
      <section aria-labelledby="walk-coverage-title" className="panel">
        <h2 id="walk-coverage-title">{t('securityWalks.coverage.title')}</h2>
        {(orgUnits.isPending || coverage.isLoading) && <Loading />}
        {coverage.isError && <ProblemAlert error={coverage.error} />}
        {(coverage.isSuccess || orgUnits.data?.length === 0) && items.length === 0 && (
          <p>{t('securityWalks.coverage.empty')}</p>
        )}
        {items.length > 0 && (
          <>
            <p>{t('securityWalks.coverage.count', { walked: walkedCount, total: items.length })}</p>
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">{t('securityWalks.coverage.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('securityWalks.coverage.site')}</th>
                    <th scope="col">{t('securityWalks.coverage.lastWalk')}</th>
                    <th scope="col">{t('securityWalks.coverage.withinYear')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.siteId}>
                      <th scope="row">
                        <Link to={paths.siteSecurityWalks(item.siteId)}>{item.siteName}</Link>
                      </th>
                      <td>{item.lastWalkedOn ? formatDate(item.lastWalkedOn) : t('securityWalks.coverage.never')}</td>
                      <td>{item.isWalkedWithinYear ? t('common.yes') : t('common.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      {useHasPermission('checklist_templates.manage') && <ChecklistTemplatesSection />}
    </>
  );
}

/** The tenant's checklists, for the security department that versions them. */
function ChecklistTemplatesSection() {
  const { t } = useTranslation();
  const templates = useChecklistTemplates();
  return (
    <section aria-labelledby="checklist-templates-title" className="panel">
      <h2 id="checklist-templates-title">{t('securityWalks.templates.title')}</h2>
      {templates.isPending && <Loading />}
      {templates.isError && <ProblemAlert error={templates.error} />}
      <ul className="plain-list">
        {(templates.data?.items ?? []).map((template) => (
          <li key={template.id}>
            <Link to={paths.checklistTemplate(template.id)}>
              {t('securityWalks.templates.editLink', { name: template.name })}
            </Link>{' '}
            <span className="card__meta">· {t('securityWalks.templates.version', { version: template.version })}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link className="button button--secondary" to={paths.checklistTemplate('ny')}>
          {t('securityWalks.templates.newLink')}
        </Link>
      </p>
    </section>
  );
}
