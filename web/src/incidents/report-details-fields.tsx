import {
  concernRelations,
  crisisSupportStatuses,
  linkAssessments,
  policeReporters,
  policeReportStatuses,
} from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../shared/forms/checkbox-field.tsx';
import { CheckboxGroupField, RadioGroupField } from '../shared/forms/choice-fields.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { consequenceFlags, type ReportValues } from './report-values.ts';

type Setter = <Name extends keyof ReportValues>(name: Name) => (value: ReportValues[Name]) => void;

/** Step 2, all optional: consequences, who was affected, the person of concern, police and support. */
export function ReportDetailsFields({ values, set }: { values: ReportValues; set: Setter }) {
  const { t } = useTranslation();
  const optional = t('common.optional');
  const choose = { value: '', label: t('common.noneSelected') };

  return (
    <>
      <fieldset className="report-section">
        <legend className="report-section__title">{t('incidents.report.consequencesTitle')}</legend>
        <CheckboxGroupField
          name="consequences"
          legend={t('incidents.report.consequences')}
          hint={t('incidents.report.consequencesHint')}
          optional={optional}
          values={values.consequences}
          options={consequenceFlags.map((flag) => ({ value: flag, label: t(`incidents.consequences.${flag}`) }))}
          onChange={set('consequences')}
        />
        <TextField
          name="consequences.sickLeaveDays"
          label={t('incidents.report.sickLeaveDays')}
          optional
          inputMode="numeric"
          autoComplete="off"
          value={values.sickLeaveDays}
          onChange={set('sickLeaveDays')}
        />
      </fieldset>

      <fieldset className="report-section">
        <legend className="report-section__title">{t('incidents.report.affectedTitle')}</legend>
        <CheckboxField
          name="isReporterAffected"
          label={t('incidents.report.isReporterAffected')}
          checked={values.isReporterAffected}
          onChange={set('isReporterAffected')}
        />
        <TextField
          name="otherAffectedCount"
          label={t('incidents.report.otherAffectedCount')}
          hint={t('incidents.report.otherAffectedCountHint')}
          optional
          inputMode="numeric"
          autoComplete="off"
          value={values.otherAffectedCount}
          onChange={set('otherAffectedCount')}
        />
        <CheckboxField
          name="isWeaponInvolved"
          label={t('incidents.report.isWeaponInvolved')}
          checked={values.isWeaponInvolved}
          onChange={set('isWeaponInvolved')}
        />
        <CheckboxField
          name="isThreatToLife"
          label={t('incidents.report.isThreatToLife')}
          checked={values.isThreatToLife}
          onChange={set('isThreatToLife')}
        />
        <CheckboxField
          name="isOutsideWorkingHours"
          label={t('incidents.report.isOutsideWorkingHours')}
          checked={values.isOutsideWorkingHours}
          onChange={set('isOutsideWorkingHours')}
        />
      </fieldset>

      <fieldset className="report-section">
        <legend className="report-section__title">{t('incidents.report.concernTitle')}</legend>
        <p className="field__hint">{t('incidents.report.concernIntro')}</p>
        <RadioGroupField
          name="personOfConcern.isKnown"
          legend={t('incidents.report.concernIsKnown')}
          value={values.concernIsKnown}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
            // A way back after answering by mistake: the person of concern is then left out.
            { value: '', label: t('incidents.report.concernNotStated') },
          ]}
          onChange={set('concernIsKnown')}
        />
        <SelectField
          name="personOfConcern.relation"
          label={t('incidents.report.concernRelation')}
          value={values.concernRelation}
          options={[
            choose,
            ...concernRelations.map((relation) => ({ value: relation, label: t(`incidents.relations.${relation}`) })),
          ]}
          onChange={(value) => set('concernRelation')(value as ReportValues['concernRelation'])}
        />
        <SelectField
          name="personOfConcern.gangCrimeLink"
          label={t('incidents.report.gangCrimeLink')}
          value={values.concernGangCrimeLink}
          options={linkAssessments.map((link) => ({ value: link, label: t(`incidents.links.${link}`) }))}
          onChange={(value) => set('concernGangCrimeLink')(value as ReportValues['concernGangCrimeLink'])}
        />
        <SelectField
          name="personOfConcern.violentExtremismLink"
          label={t('incidents.report.violentExtremismLink')}
          value={values.concernViolentExtremismLink}
          options={linkAssessments.map((link) => ({ value: link, label: t(`incidents.links.${link}`) }))}
          onChange={(value) => set('concernViolentExtremismLink')(value as ReportValues['concernViolentExtremismLink'])}
        />
        <TextAreaField
          name="personOfConcern.description"
          label={t('incidents.report.concernDescription')}
          hint={t('incidents.report.concernDescriptionHint')}
          optional
          value={values.concernDescription}
          onChange={set('concernDescription')}
        />
      </fieldset>

      <fieldset className="report-section">
        <legend className="report-section__title">{t('incidents.report.policeTitle')}</legend>
        <SelectField
          name="policeReport.status"
          label={t('incidents.report.policeStatus')}
          value={values.policeStatus}
          options={[
            { value: '', label: t('incidents.report.policeNotStated') },
            ...policeReportStatuses.map((status) => ({
              value: status,
              label: t(`incidents.policeStatuses.${status}`),
            })),
          ]}
          onChange={(value) => set('policeStatus')(value as ReportValues['policeStatus'])}
        />
        {(values.policeStatus === 'made' || values.policeStatus === 'planned') && (
          <SelectField
            name="policeReport.reportedBy"
            label={t('incidents.report.policeReportedBy')}
            optional
            value={values.policeReportedBy}
            options={[
              choose,
              ...policeReporters.map((reporter) => ({
                value: reporter,
                label: t(`incidents.policeReporters.${reporter}`),
              })),
            ]}
            onChange={(value) => set('policeReportedBy')(value as ReportValues['policeReportedBy'])}
          />
        )}
        {values.policeStatus === 'made' && (
          <div className="field-row">
            <TextField
              name="policeReport.reportedOn"
              label={t('incidents.report.policeReportedOn')}
              optional
              type="date"
              value={values.policeReportedOn}
              onChange={set('policeReportedOn')}
            />
            <TextField
              name="policeReport.referenceNumber"
              label={t('incidents.report.policeReferenceNumber')}
              optional
              autoComplete="off"
              maxLength={40}
              value={values.policeReferenceNumber}
              onChange={set('policeReferenceNumber')}
            />
          </div>
        )}
        {values.policeStatus === 'not_made' && (
          <TextAreaField
            name="policeReport.reasonNotMade"
            label={t('incidents.report.policeReasonNotMade')}
            rows={3}
            value={values.policeReasonNotMade}
            onChange={set('policeReasonNotMade')}
          />
        )}
        {values.policeStatus !== '' && (
          <CheckboxField
            name="policeReport.isHelpOffered"
            label={t('incidents.report.isPoliceHelpOffered')}
            checked={values.isPoliceHelpOffered}
            onChange={set('isPoliceHelpOffered')}
          />
        )}
      </fieldset>

      <fieldset className="report-section">
        <legend className="report-section__title">{t('incidents.report.crisisSupportTitle')}</legend>
        <SelectField
          name="crisisSupport.status"
          label={t('incidents.report.crisisSupport')}
          value={values.crisisSupportStatus}
          options={crisisSupportStatuses.map((status) => ({
            value: status,
            label: t(`incidents.crisisSupportStatuses.${status}`),
          }))}
          onChange={(value) => set('crisisSupportStatus')(value as ReportValues['crisisSupportStatus'])}
        />
        <CheckboxField
          name="crisisSupport.isOccupationalHealthContacted"
          label={t('incidents.report.isOccupationalHealthContacted')}
          checked={values.isOccupationalHealthContacted}
          onChange={set('isOccupationalHealthContacted')}
        />
      </fieldset>
    </>
  );
}
