import { activityTypes, type RiskAnalysisCreateValues, riskAnalysisCreateSchema } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { newIdempotencyKey } from '../shared/api/api-client.ts';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useLanguage } from '../shared/i18n/use-language.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { stockholmInputValueToIso } from '../shared/ui/stockholm-time.ts';
import { useCopyableRiskAnalyses, useOwnerOptions } from './api/get-risk-analyses.ts';
import { useCreateRiskAnalysis } from './api/save-risk-analysis.ts';

type Values = {
  activityType: string;
  title: string;
  startsAt: string;
  place: string;
  description: string;
  owner: string;
  copyFromId: string;
};

/** The form's "party:<id>" or "org_unit:<id>" as the domain's owner. */
function ownerOf(value: string): RiskAnalysisCreateValues['owner'] | undefined {
  const [kind, id = ''] = value.split(':');
  if (kind === 'party') return { kind, partyId: id };
  if (kind === 'org_unit') return { kind, orgUnitId: id };
  return undefined;
}

/** A new analysis from the activity type's template, or from an earlier analysis of a recurring activity. */
export function NewRiskAnalysisPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const create = useCreateRiskAnalysis();
  const owners = useOwnerOptions(useHasPermission('parties.read'), useHasPermission('organisation.read'));
  const earlier = useCopyableRiskAnalyses();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [values, setValues] = useState<Values>({
    activityType: 'public_appearance',
    title: '',
    startsAt: '',
    place: '',
    description: '',
    owner: '',
    copyFromId: '',
  });
  const set = (name: keyof Values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const owner = values.owner || owners.options[0]?.value || '';

  function submit() {
    const analysis = errors.validate(riskAnalysisCreateSchema, {
      activityType: values.activityType,
      title: values.title,
      startsAt: stockholmInputValueToIso(values.startsAt) ?? values.startsAt,
      place: values.place,
      description: values.description,
      owner: ownerOf(owner),
      language,
      copyFromId: values.copyFromId || null,
    });
    if (!analysis || create.isPending) return;
    create.mutate(
      { analysis, idempotencyKey },
      { onSuccess: (created) => navigate(paths.riskAnalysis(created.id)), onError: errors.fail },
    );
  }

  const sameType = (earlier.data ?? []).filter((item) => item.activityType === values.activityType);

  return (
    <>
      <p className="back-link">
        <Link to={paths.riskAnalyses}>{t('riskAnalyses.page.back')}</Link>
      </p>
      <PageHeader title={t('riskAnalyses.create.title')} intro={t('riskAnalyses.create.intro')} />
      {owners.isPending && <Loading />}
      {owners.error && <ProblemAlert error={owners.error} />}
      <Form id="new-risk-analysis" errors={errors} onSubmit={submit}>
        <SelectField
          name="activityType"
          label={t('riskAnalyses.create.activityType')}
          value={values.activityType}
          onChange={set('activityType')}
          options={activityTypes.map((type) => ({ value: type, label: t(`riskAnalyses.activityTypes.${type}`) }))}
        />
        <TextField
          name="title"
          label={t('riskAnalyses.create.activityTitle')}
          hint={t('riskAnalyses.create.activityTitleHint')}
          value={values.title}
          onChange={set('title')}
          maxLength={200}
        />
        <TextField
          name="startsAt"
          type="datetime-local"
          label={t('riskAnalyses.create.startsAt')}
          value={values.startsAt}
          onChange={set('startsAt')}
        />
        <TextField
          name="place"
          label={t('riskAnalyses.create.place')}
          value={values.place}
          onChange={set('place')}
          optional
        />
        <TextAreaField
          name="description"
          label={t('riskAnalyses.create.description')}
          value={values.description}
          onChange={set('description')}
          optional
          rows={3}
        />
        <SelectField
          name="owner"
          label={t('riskAnalyses.create.owner')}
          hint={t('riskAnalyses.create.ownerHint')}
          value={owner}
          onChange={set('owner')}
          options={owners.options}
        />
        {sameType.length > 0 && (
          <SelectField
            name="copyFromId"
            label={t('riskAnalyses.create.copyFrom')}
            hint={t('riskAnalyses.create.copyFromHint')}
            value={values.copyFromId}
            onChange={set('copyFromId')}
            options={[
              { value: '', label: t('riskAnalyses.create.fromTemplate') },
              ...sameType.map((item) => ({ value: item.id, label: `${formatDate(item.startsAt)} ${item.title}` })),
            ]}
          />
        )}
        <div className="form__actions">
          <SubmitButton isPending={create.isPending} pendingLabel={t('riskAnalyses.create.submitting')}>
            {t('riskAnalyses.create.submit')}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}
