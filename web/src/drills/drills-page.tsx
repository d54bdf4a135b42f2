import { type DrillValues, drillInputSchema, drillKinds, type SiteDrillStatus } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useFormValues } from '../shared/forms/use-form-values.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useCreateDrill, useDrills, useSiteDrillStatus } from './api/drills.ts';
import './drills.css';

/** "Övningar": per site the last evacuation, lockdown and PDV drill, overdue ones marked; a form to record one. */
export function DrillsPage() {
  const { t } = useTranslation();
  const sites = useSiteDrillStatus();
  const canManage = useHasPermission('drills.manage');
  const items = sites.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('drills.title')} intro={t('drills.intro')} />
      <section aria-labelledby="drill-sites-title" className="panel">
        <h2 id="drill-sites-title">{t('drills.sites')}</h2>
        {sites.isPending && <Loading />}
        {sites.isError && <ProblemAlert error={sites.error} />}
        {sites.isSuccess && items.length === 0 && <p>{t('drills.noSites')}</p>}
        {items.length > 0 && (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          <section className="table-scroll" aria-labelledby="drill-sites-title" tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">{t('drills.sites')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('drills.site')}</th>
                  {drillKinds.map((kind) => (
                    <th scope="col" key={kind}>
                      {t(`drills.kinds.${kind}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((site) => (
                  <SiteRow key={site.siteId} site={site} />
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
      <RecentDrills />
      {canManage && items.length > 0 && <DrillForm sites={items} />}
    </>
  );
}

function SiteRow({ site }: { site: SiteDrillStatus }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">{site.siteName}</th>
      {site.kinds.map((entry) => (
        <td key={entry.kind}>
          {entry.lastHeldOn ? formatDate(entry.lastHeldOn) : t('drills.never')}{' '}
          {entry.isOverdue && <span className="drill-overdue">{t('drills.overdue')}</span>}
          {entry.nextPlannedOn && (
            <span className="card__meta drill-planned">
              {t('drills.plannedOn', { date: formatDate(entry.nextPlannedOn) })}
            </span>
          )}
        </td>
      ))}
    </tr>
  );
}

/** The drills recorded at the reader's sites, latest first: each opens its lessons and measures. */
function RecentDrills() {
  const { t } = useTranslation();
  const drills = useDrills();
  return (
    <section aria-labelledby="drill-list-title" className="panel">
      <h2 id="drill-list-title">{t('drills.list')}</h2>
      {drills.isPending && <Loading />}
      {drills.isError && <ProblemAlert error={drills.error} />}
      {drills.isSuccess && drills.data.items.length === 0 && <p>{t('drills.noDrills')}</p>}
      {drills.isSuccess && drills.data.items.length > 0 && (
        <ul className="card-list">
          {drills.data.items.map((drill) => {
            const when = drill.heldOn ?? drill.plannedOn;
            return (
              <li key={drill.id} className="card">
                <h3 className="card__title">
                  <Link to={paths.drill(drill.id)}>
                    {t(`drills.kinds.${drill.kind}`)}, {drill.siteName}
                  </Link>
                </h3>
                <p className="card__meta">
                  {drill.heldOn
                    ? t('drills.heldOn', { date: formatDate(drill.heldOn) })
                    : t('drills.plannedOn', { date: when ? formatDate(when) : '' })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const initialValues = {
  siteId: '',
  kind: 'evacuation' as string,
  plannedOn: '',
  heldOn: '',
  participantCount: '',
  participatingUnits: '',
  scenario: '',
  whatWorked: '',
  lessonsLearned: '',
};

function DrillForm({ sites }: { sites: readonly SiteDrillStatus[] }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const { values, set, reset } = useFormValues({ ...initialValues, siteId: sites[0]?.siteId ?? '' });
  const create = useCreateDrill();
  const [isSaved, setIsSaved] = useState(false);

  function submit() {
    const count = values.participantCount.trim();
    const input = errors.validate<DrillValues>(drillInputSchema, {
      ...values,
      plannedOn: values.plannedOn || null,
      heldOn: values.heldOn || null,
      participantCount: count === '' ? null : Number(count),
    });
    if (!input || create.isPending) return;
    setIsSaved(false);
    create.mutate(input, {
      onSuccess: () => {
        reset();
        setIsSaved(true);
      },
      onError: errors.fail,
    });
  }

  return (
    <section aria-labelledby="drill-form-title" className="panel">
      <h2 id="drill-form-title">{t('drills.form.title')}</h2>
      <StatusMessage>{isSaved && t('drills.form.saved')}</StatusMessage>
      <Form id="drill" errors={errors} onSubmit={submit} labelledBy="drill-form-title">
        <SelectField
          name="siteId"
          label={t('drills.site')}
          value={values.siteId}
          onChange={set('siteId')}
          options={sites.map((site) => ({ value: site.siteId, label: site.siteName }))}
        />
        <SelectField
          name="kind"
          label={t('drills.form.kind')}
          value={values.kind}
          onChange={set('kind')}
          options={drillKinds.map((kind) => ({ value: kind, label: t(`drills.kinds.${kind}`) }))}
        />
        <TextField
          name="plannedOn"
          type="date"
          optional
          label={t('drills.form.plannedOn')}
          value={values.plannedOn}
          onChange={set('plannedOn')}
        />
        <TextField
          name="heldOn"
          type="date"
          optional
          label={t('drills.form.heldOn')}
          value={values.heldOn}
          onChange={set('heldOn')}
        />
        <TextField
          name="participantCount"
          inputMode="numeric"
          optional
          label={t('drills.form.participantCount')}
          value={values.participantCount}
          onChange={set('participantCount')}
        />
        <TextField
          name="participatingUnits"
          optional
          label={t('drills.form.participatingUnits')}
          value={values.participatingUnits}
          onChange={set('participatingUnits')}
        />
        <TextAreaField
          name="scenario"
          optional
          label={t('drills.form.scenario')}
          value={values.scenario}
          onChange={set('scenario')}
          rows={3}
        />
        <TextAreaField
          name="whatWorked"
          optional
          label={t('drills.form.whatWorked')}
          value={values.whatWorked}
          onChange={set('whatWorked')}
          rows={3}
        />
        <TextAreaField
          name="lessonsLearned"
          optional
          label={t('drills.form.lessonsLearned')}
          value={values.lessonsLearned}
          onChange={set('lessonsLearned')}
          rows={3}
        />
        <div className="form__actions">
          <SubmitButton isPending={create.isPending} pendingLabel={t('common.saving')}>
            {t('drills.form.submit')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
