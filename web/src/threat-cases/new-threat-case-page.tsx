import {
  concernRelations,
  type IncidentSummary,
  linkAssessments,
  type Person,
  type protectedTargetKinds,
  type Site,
  type ThreatCaseInput,
  type ThreatCaseValues,
  threatCaseInputSchema,
} from '@varn/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../shared/api/api-client.ts';
import { CheckboxField } from '../shared/forms/checkbox-field.tsx';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useFormValues } from '../shared/forms/use-form-values.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useCreateThreatCase } from './api/create-threat-case.ts';
import {
  useCaseUnits,
  useLinkableIncidents,
  useProtectableOfficials,
  useProtectableSites,
} from './api/get-case-options.ts';
import { RadioRow } from './radio-row.tsx';
import './threat-cases.css';

const initialValues = {
  title: '',
  unitId: '',
  protects: 'persons' as (typeof protectedTargetKinds)[number],
  siteId: '',
  officialPersonId: '',
  protectedName: '',
  protectedDescription: '',
  protectedAddress: '',
  concernRelation: '' as (typeof concernRelations)[number] | '',
  concernName: '',
  concernDescription: '',
  concernAddress: '',
  gangCrimeLink: 'unknown' as (typeof linkAssessments)[number],
  incidentIds: [] as string[],
  summary: '',
};
type Values = typeof initialValues;

const orNull = (text: string) => (text.trim() === '' ? null : text);

/** The form's values as the API's input: empty optional texts become null, unused parts are left out. */
function inputOf(values: Values, defaultUnitId: string): ThreatCaseInput {
  return {
    title: values.title,
    unitId: values.unitId || defaultUnitId,
    protects: values.protects,
    siteId: values.protects === 'site' ? orNull(values.siteId) : null,
    officialPersonId: values.protects === 'official' ? orNull(values.officialPersonId) : null,
    protectedPersons:
      values.protects === 'persons'
        ? [
            {
              name: values.protectedName,
              description: values.protectedDescription,
              homeAddress: orNull(values.protectedAddress),
            },
          ]
        : [],
    personsOfConcern: values.concernRelation
      ? [
          {
            name: orNull(values.concernName),
            relation: values.concernRelation,
            gangCrimeLink: values.gangCrimeLink,
            description: values.concernDescription,
            homeAddress: orNull(values.concernAddress),
          },
        ]
      : [],
    incidentIds: values.incidentIds,
    summary: values.summary,
  };
}

/** "Nytt hotbildsärende": who is protected, against whom, and which incidents lie behind it. */
export function NewThreatCasePage() {
  const { t } = useTranslation();
  const units = useCaseUnits();
  return (
    <>
      <PageHeader title={t('threatCases.create.title')} intro={t('threatCases.create.intro')} />
      {units.isPending && <Loading />}
      {units.isError && <ProblemAlert error={units.error} />}
      {units.data && <NewThreatCaseForm units={units.data} />}
    </>
  );
}

function NewThreatCaseForm({ units }: { units: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const { values, set } = useFormValues(initialValues);
  const createCase = useCreateThreatCase();
  const canReadIncidents = useHasPermission('incidents.read');
  const incidents = useLinkableIncidents(canReadIncidents);
  // A site or an official is offered only when there is one the person may choose.
  const sites = useProtectableSites().data ?? [];
  const officials = useProtectableOfficials().data ?? [];
  const targetKinds = [
    'persons' as const,
    'unit' as const,
    ...(sites.length > 0 ? ['site' as const] : []),
    ...(officials.length > 0 ? ['official' as const] : []),
  ];
  const lastSent = useRef<{ body: string; idempotencyKey: string } | null>(null);
  const defaultUnitId = units[0]?.id ?? '';

  function submit() {
    const input = errors.validate<ThreatCaseValues>(threatCaseInputSchema, inputOf(values, defaultUnitId));
    if (!input || createCase.isPending) return;
    const body = JSON.stringify(input);
    if (lastSent.current?.body !== body) lastSent.current = { body, idempotencyKey: newIdempotencyKey() };
    createCase.mutate(
      { input, idempotencyKey: lastSent.current.idempotencyKey },
      { onSuccess: (created) => navigate(paths.threatCase(created.id)), onError: errors.fail },
    );
  }

  return (
    <section aria-labelledby="threat-case-form-heading" className="panel">
      <h2 id="threat-case-form-heading" className="visually-hidden">
        {t('threatCases.create.title')}
      </h2>
      <Form id="new-threat-case" errors={errors} onSubmit={submit} labelledBy="threat-case-form-heading">
        <TextField
          name="title"
          label={t('threatCases.create.caseTitle')}
          hint={t('threatCases.create.caseTitleHint')}
          value={values.title}
          onChange={set('title')}
        />
        <SelectField
          name="unitId"
          label={t('threatCases.create.unit')}
          value={values.unitId || defaultUnitId}
          onChange={set('unitId')}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
        <RadioRow
          name="protects"
          legend={t('threatCases.create.protectsLegend')}
          value={values.protects}
          onChange={set('protects')}
          options={targetKinds.map((kind) => ({ value: kind, label: t(`threatCases.protects.${kind}`) }))}
        />
        {values.protects === 'site' && <SiteChoice sites={sites} value={values.siteId} onChange={set('siteId')} />}
        {values.protects === 'official' && (
          <OfficialChoice officials={officials} value={values.officialPersonId} onChange={set('officialPersonId')} />
        )}
        {values.protects === 'persons' && (
          <fieldset className="factor-group">
            <legend className="factor-group__title">{t('threatCases.create.protectedPerson')}</legend>
            <TextField
              name="protectedPersons.0.name"
              label={t('threatCases.create.protectedName')}
              value={values.protectedName}
              onChange={set('protectedName')}
              autoComplete="off"
            />
            <TextField
              name="protectedPersons.0.description"
              label={t('threatCases.create.protectedDescription')}
              value={values.protectedDescription}
              onChange={set('protectedDescription')}
              optional
            />
            <TextField
              name="protectedPersons.0.homeAddress"
              label={t('threatCases.create.homeAddress')}
              hint={t('threatCases.create.homeAddressHint')}
              value={values.protectedAddress}
              onChange={set('protectedAddress')}
              autoComplete="off"
              optional
            />
          </fieldset>
        )}
        <fieldset className="factor-group">
          <legend className="factor-group__title">{t('threatCases.create.concern')}</legend>
          <SelectField
            name="personsOfConcern.0.relation"
            label={t('threatCases.create.concernRelation')}
            value={values.concernRelation}
            onChange={(value) => set('concernRelation')(value as Values['concernRelation'])}
            options={[
              { value: '', label: t('threatCases.create.noConcern') },
              ...concernRelations.map((relation) => ({ value: relation, label: t(`incidents.relations.${relation}`) })),
            ]}
          />
          {values.concernRelation && (
            <>
              <TextField
                name="personsOfConcern.0.name"
                label={t('threatCases.create.concernName')}
                hint={t('threatCases.create.concernNameHint')}
                value={values.concernName}
                onChange={set('concernName')}
                autoComplete="off"
                optional
              />
              <SelectField
                name="personsOfConcern.0.gangCrimeLink"
                label={t('threatCases.detail.gangCrimeLink')}
                value={values.gangCrimeLink}
                onChange={(value) => set('gangCrimeLink')(value as Values['gangCrimeLink'])}
                options={linkAssessments.map((link) => ({ value: link, label: t(`incidents.links.${link}`) }))}
              />
              <TextAreaField
                name="personsOfConcern.0.description"
                label={t('threatCases.create.concernDescription')}
                value={values.concernDescription}
                onChange={set('concernDescription')}
                rows={3}
                optional
              />
              <TextField
                name="personsOfConcern.0.homeAddress"
                label={t('threatCases.create.concernAddress')}
                hint={t('threatCases.create.homeAddressHint')}
                value={values.concernAddress}
                onChange={set('concernAddress')}
                autoComplete="off"
                optional
              />
            </>
          )}
        </fieldset>
        {canReadIncidents && (
          <IncidentChoices
            incidents={incidents.data ?? []}
            isLoading={incidents.isPending}
            chosen={values.incidentIds}
            onChange={set('incidentIds')}
          />
        )}
        <TextAreaField
          name="summary"
          label={t('threatCases.create.summary')}
          value={values.summary}
          onChange={set('summary')}
          optional
        />
        <div className="form__actions">
          <SubmitButton isPending={createCase.isPending} pendingLabel={t('threatCases.create.creating')}>
            {t('threatCases.create.submit')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function IncidentChoices({
  incidents,
  isLoading,
  chosen,
  onChange,
}: {
  incidents: IncidentSummary[];
  isLoading: boolean;
  chosen: string[];
  onChange(ids: string[]): void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="factor-group">
      <legend className="factor-group__title">{t('threatCases.create.incidents')}</legend>
      <p className="field__hint">{t('threatCases.create.incidentsHint')}</p>
      {isLoading && <Loading />}
      {!isLoading && incidents.length === 0 && <p>{t('threatCases.create.noIncidents')}</p>}
      {incidents.map((incident, index) => (
        <CheckboxField
          key={incident.id}
          name={`incidentIds.${index}`}
          label={`${t(`incidents.kinds.${incident.kind}`)}: ${incident.types
            .map((type) => t(`incidents.types.${type}`))
            .join(', ')} – ${formatDateTime(incident.occurredAt)}`}
          checked={chosen.includes(incident.id)}
          onChange={(checked) =>
            onChange(checked ? [...chosen, incident.id] : chosen.filter((id) => id !== incident.id))
          }
        />
      ))}
    </fieldset>
  );
}

function SiteChoice({ sites, value, onChange }: { sites: Site[]; value: string; onChange(id: string): void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="siteId"
      label={t('threatCases.create.site')}
      hint={t('threatCases.create.siteHint')}
      value={value}
      onChange={onChange}
      options={[
        { value: '', label: t('threatCases.create.chooseSite') },
        ...sites.map((site) => ({ value: site.id, label: `${site.name}, ${site.streetAddress}` })),
      ]}
    />
  );
}

function OfficialChoice({
  officials,
  value,
  onChange,
}: {
  officials: Person[];
  value: string;
  onChange(id: string): void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="officialPersonId"
      label={t('threatCases.create.official')}
      value={value}
      onChange={onChange}
      options={[
        { value: '', label: t('threatCases.create.chooseOfficial') },
        ...officials.map((official) => ({
          value: official.id,
          label: `${official.givenName} ${official.familyName}`,
        })),
      ]}
    />
  );
}
