import {
  findDirectIdentifiers,
  type IncidentReport,
  incidentContexts,
  incidentKinds,
  incidentTypes,
  type Site,
  threatChannels,
} from '@varn/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, RadioGroupField } from '../shared/forms/choice-fields.tsx';
import { RecordForm, type RecordFormProps } from '../shared/forms/record-form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormValues } from '../shared/forms/use-form-values.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { AttachmentPicker } from './attachment-picker.tsx';
import { OnBehalfFields } from './on-behalf-fields.tsx';
import { ReportDetailsFields } from './report-details-fields.tsx';
import { initialReportValues, isDetailPath, type ReportValues, reportInputOf, reportSchema } from './report-values.ts';

type ReportFormProps = Omit<RecordFormProps<IncidentReport>, 'onSubmit'> & {
  /** The sites to pick from; null when the reporter may not list sites (free text only). */
  sites: readonly Site[] | null;
  /** Photos, screenshots and PDFs to upload once the report is filed. */
  files: readonly File[];
  onFilesChange(files: File[]): void;
  /** What the form starts with: a draft being continued, else a new report. */
  startValues?: ReportValues | undefined;
  /** Every change, to keep a draft. */
  onValuesChange?(values: ReportValues): void;
  /** Called with the validated report and the values it was made from. */
  onSubmit(report: IncidentReport, values: ReportValues): void;
};

/**
 * The report in two steps: the short form that is always shown (what, when, where, what happened),
 * then optional details (and attachments) behind a disclosure that opens by itself when one of them
 * is wrong.
 */
export function ReportForm({
  sites,
  files,
  onFilesChange,
  startValues,
  onValuesChange,
  onSubmit,
  ...form
}: ReportFormProps) {
  const { t } = useTranslation();
  const { values, set, reset } = useFormValues(startValues ?? initialReportValues());
  // Open from the start when files come with the form (a queued report being edited): they show there.
  const [areDetailsOpen, setDetailsOpen] = useState(() => files.length > 0);
  const identifiers = findDirectIdentifiers(values.description);
  const hasSites = sites !== null && sites.length > 0;
  const mayReportOnBehalf = useHasPermission('incidents.report_on_behalf');

  const { attempt, fieldErrors } = form.errors;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each failed submission is the trigger
  useEffect(() => {
    if (fieldErrors.some((error) => isDetailPath(error.path))) setDetailsOpen(true);
  }, [attempt]);

  const valuesChanged = useRef(onValuesChange);
  valuesChanged.current = onValuesChange;
  useEffect(() => valuesChanged.current?.(values), [values]);

  return (
    <RecordForm
      {...form}
      onSubmit={(report) => onSubmit(report, values)}
      schema={reportSchema}
      input={reportInputOf(values)}
      reset={reset}
    >
      {mayReportOnBehalf && <OnBehalfFields values={values} set={set} />}
      <RadioGroupField
        name="kind"
        legend={t('incidents.report.kind')}
        hint={t('incidents.report.kindHint')}
        value={values.kind}
        options={incidentKinds.map((kind) => ({
          value: kind,
          label: t(`incidents.kinds.${kind}`),
          hint: t(`incidents.kindHints.${kind}`),
        }))}
        onChange={set('kind')}
      />
      <CheckboxGroupField
        name="types"
        legend={t('incidents.report.types')}
        hint={t('incidents.report.typesHint')}
        values={values.types}
        options={incidentTypes.map((type) => ({ value: type, label: t(`incidents.types.${type}`) }))}
        onChange={set('types')}
      />
      <TextField
        name="occurredAt"
        label={t('incidents.report.occurredAt')}
        hint={t('incidents.report.occurredAtHint')}
        type="datetime-local"
        value={values.occurredAt}
        onChange={set('occurredAt')}
      />
      {hasSites && (
        <SelectField
          name="place.siteId"
          label={t('incidents.report.site')}
          value={values.siteId}
          options={[
            { value: '', label: t('incidents.report.noSite') },
            ...sites.map((site) => ({ value: site.id, label: site.name })),
          ]}
          onChange={set('siteId')}
        />
      )}
      {!values.siteId && (
        <TextField
          name="place.description"
          label={hasSites ? t('incidents.report.otherPlace') : t('incidents.report.place')}
          hint={t('incidents.report.placeHint')}
          autoComplete="off"
          maxLength={300}
          value={values.placeDescription}
          onChange={set('placeDescription')}
        />
      )}
      <SelectField
        name="context"
        label={t('incidents.report.context')}
        value={values.context}
        options={[
          { value: '', label: t('common.noneSelected') },
          ...incidentContexts.map((context) => ({ value: context, label: t(`incidents.contexts.${context}`) })),
        ]}
        onChange={(value) => set('context')(value as typeof values.context)}
      />
      {values.types.includes('threat') && (
        <SelectField
          name="channel"
          label={t('incidents.report.channel')}
          optional
          value={values.channel}
          options={[
            { value: '', label: t('common.noneSelected') },
            ...threatChannels.map((channel) => ({ value: channel, label: t(`incidents.channels.${channel}`) })),
          ]}
          onChange={(value) => set('channel')(value as typeof values.channel)}
        />
      )}
      <TextAreaField
        name="description"
        label={t('incidents.report.description')}
        hint={t('incidents.report.descriptionHint')}
        rows={5}
        value={values.description}
        onChange={set('description')}
      />
      {/* A warning, not an error: always in the page so that screen readers hear it appear. */}
      <div role="status" className={identifiers.length > 0 ? 'alert alert--warning' : 'visually-hidden'}>
        {identifiers.map((identifier) => (
          <p key={identifier}>{t(`incidents.report.identifierWarnings.${identifier}`)}</p>
        ))}
      </div>
      <details
        className="report-details"
        open={areDetailsOpen}
        onToggle={(event) => setDetailsOpen(event.currentTarget.open)}
      >
        <summary className="report-details__summary">{t('incidents.report.moreDetails')}</summary>
        <div className="report-details__body">
          <ReportDetailsFields values={values} set={set} />
          <fieldset className="report-section">
            <legend className="report-section__title">{t('incidents.attachments.title')}</legend>
            <AttachmentPicker id="incident-report-attachments" files={files} onChange={onFilesChange} />
          </fieldset>
        </div>
      </details>
    </RecordForm>
  );
}
