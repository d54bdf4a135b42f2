import type { OrgUnit, Site } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldId } from '../shared/forms/field-ids.ts';
import { FilterSelect } from '../shared/forms/filter-fields.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { LoadMore } from '../shared/ui/load-more.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useFocusOnMount, useReturnFocus } from '../shared/ui/use-return-focus.ts';
import { useCreateSite } from './api/create-site.ts';
import { useOrgUnits } from './api/get-org-units.ts';
import { useSites } from './api/get-sites.ts';
import { useUpdateSite } from './api/update-site.ts';
import { orgUnitOptions } from './org-tree.ts';
import { emptySite, SiteForm, siteFormValues } from './site-form.tsx';

export function SitesPage() {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState('');
  const canManage = useHasPermission('sites.manage');
  const canReadWalks = useHasPermission('security_walks.read');
  const canReadOrganisation = useHasPermission('organisation.read');
  const orgUnits = useOrgUnits(canReadOrganisation);
  const sites = useSites(unitId ? { unitId } : {});
  const units = orgUnits.data ?? [];
  const items = sites.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('sites.title')} intro={t('sites.intro')} />
      {units.length > 0 && (
        <div className="filters">
          <FilterSelect
            id="sites-filter-unit"
            label={t('sites.unit')}
            value={unitId}
            onChange={setUnitId}
            options={[{ value: '', label: t('sites.allUnits') }, ...orgUnitOptions(units)]}
          />
        </div>
      )}
      <section aria-labelledby="sites-list-title">
        <h2 id="sites-list-title" className="visually-hidden">
          {t('sites.list')}
        </h2>
        {sites.isPending && <Loading />}
        {sites.isError && <ProblemAlert error={sites.error} />}
        {sites.isSuccess && items.length === 0 && <p>{t('sites.empty')}</p>}
        {items.length > 0 && (
          <ul className="card-list">
            {items.map((site) => (
              <SiteCard key={site.id} site={site} units={units} canManage={canManage} canReadWalks={canReadWalks} />
            ))}
          </ul>
        )}
        <LoadMore query={sites} count={items.length} />
      </section>
      {canManage && (
        <section aria-labelledby="site-create-title" className="panel">
          <h2 id="site-create-title">{t('sites.addTitle')}</h2>
          <SiteCreate units={units} />
        </section>
      )}
    </>
  );
}

function unitName(units: readonly OrgUnit[], unitId: string): string | undefined {
  return units.find((unit) => unit.id === unitId)?.name;
}

function SiteCard({
  site,
  units,
  canManage,
  canReadWalks,
}: {
  site: Site;
  units: readonly OrgUnit[];
  canManage: boolean;
  canReadWalks: boolean;
}) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const editButton = useReturnFocus<HTMLButtonElement>(isEditing);
  return (
    <li className="card">
      <h3 className="card__title">{site.name}</h3>
      <p>
        {site.streetAddress}, {site.postalCode} {site.city}
      </p>
      {unitName(units, site.unitId) && <p className="card__meta">{unitName(units, site.unitId)}</p>}
      {site.description && <p className="card__meta">{site.description}</p>}
      {canReadWalks && (
        <p>
          <Link to={paths.siteSecurityWalks(site.id)}>{t('sites.securityWalksOf', { name: site.name })}</Link>
        </p>
      )}
      {canManage && !isEditing && (
        <button
          ref={editButton}
          type="button"
          className="button button--link"
          aria-label={t('common.editNamed', { name: site.name })}
          onClick={() => setEditing(true)}
        >
          {t('common.edit')}
        </button>
      )}
      {isEditing && <SiteEdit site={site} units={units} onDone={() => setEditing(false)} />}
    </li>
  );
}

function SiteEdit({ site, units, onDone }: { site: Site; units: readonly OrgUnit[]; onDone(): void }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const updateSite = useUpdateSite();
  const formId = `site-edit-${site.id}`;
  useFocusOnMount(fieldId(formId, 'unitId'));
  return (
    <div className="inline-form">
      <h4 id={`${formId}-title`}>{t('sites.editTitle', { name: site.name })}</h4>
      <SiteForm
        id={formId}
        labelledBy={`${formId}-title`}
        initial={siteFormValues(site)}
        units={units}
        errors={errors}
        isPending={updateSite.isPending}
        submitLabel={t('common.save')}
        onSubmit={(changes) => updateSite.mutate({ id: site.id, changes }, { onSuccess: onDone, onError: errors.fail })}
        onCancel={onDone}
      />
    </div>
  );
}

function SiteCreate({ units }: { units: readonly OrgUnit[] }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const createSite = useCreateSite();
  const [createdName, setCreatedName] = useState<string | null>(null);
  return (
    <>
      <StatusMessage>{createdName && t('common.created', { name: createdName })}</StatusMessage>
      <SiteForm
        id="site-create"
        labelledBy="site-create-title"
        initial={emptySite}
        units={units}
        errors={errors}
        isPending={createSite.isPending}
        submitLabel={t('sites.add')}
        onSubmit={(input, reset) => {
          setCreatedName(null);
          createSite.mutate(input, {
            onSuccess: (site) => {
              setCreatedName(site.name);
              reset();
            },
            onError: errors.fail,
          });
        }}
      />
    </>
  );
}
