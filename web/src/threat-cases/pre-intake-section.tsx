import {
  intakeDecisions,
  type PreIntakeAssessmentValues,
  preIntakeAssessmentInputSchema,
  type ThreatCase,
} from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { formatDate, formatDateTime } from '../shared/ui/format-date.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useWriteToThreatCase } from './api/update-threat-case.ts';
import { Section } from './section.tsx';
import { useCaseForm } from './use-case-form.ts';

/** Pre-intake assessments of the case's individual, newest first, and for managers the form to add one. */
export function PreIntakeSection({ threatCase, canManage }: { threatCase: ThreatCase; canManage: boolean }) {
  const { t } = useTranslation();
  const dialogue = (party: string, date: string | null, outcome: string) =>
    t('threatCases.preIntake.dialogue', {
      party,
      date: date ? formatDate(date) : t('threatCases.preIntake.notHeld'),
      outcome,
    });
  return (
    <Section id="threat-case-pre-intake-title" title={t('threatCases.preIntake.title')}>
      <p>{t('threatCases.preIntake.intro')}</p>
      {threatCase.preIntakeAssessments.length === 0 ? (
        <p>{t('threatCases.preIntake.none')}</p>
      ) : (
        <ul className="plain-list">
          {threatCase.preIntakeAssessments.map((assessment) => (
            <li key={assessment.id}>
              <strong>
                {t('threatCases.preIntake.entry', {
                  decision: t(`threatCases.preIntake.decisions.${assessment.decision}`),
                  name: assessment.decidedByName,
                  date: formatDateTime(assessment.decidedAt),
                })}
              </strong>
              <p>
                {dialogue(
                  t('threatCases.consultationParties.referring_district'),
                  assessment.referringDistrictDialogueOn,
                  assessment.referringDistrictOutcome,
                )}
              </p>
              <p>{dialogue('BOPS', assessment.bopsDialogueOn, assessment.bopsOutcome)}</p>
              {assessment.safetyArrangements && <p>{assessment.safetyArrangements}</p>}
            </li>
          ))}
        </ul>
      )}
      {canManage && <PreIntakeForm caseId={threatCase.id} />}
    </Section>
  );
}

const initialValues = {
  referringDistrictDialogueOn: '',
  referringDistrictOutcome: '',
  bopsDialogueOn: '',
  bopsOutcome: '',
  decision: '',
  safetyArrangements: '',
};

function PreIntakeForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const write = useWriteToThreatCase(caseId);
  const { errors, values, set, saved, save } = useCaseForm(initialValues, write);

  function submit() {
    const input = errors.validate<PreIntakeAssessmentValues>(preIntakeAssessmentInputSchema, {
      ...values,
      referringDistrictDialogueOn: values.referringDistrictDialogueOn || null,
      bopsDialogueOn: values.bopsDialogueOn || null,
      decision: values.decision || undefined,
    });
    save(input && { kind: 'pre-intake-assessments', body: input }, true);
  }

  return (
    <>
      <StatusMessage>{saved && t('threatCases.preIntake.saved')}</StatusMessage>
      <Form id="threat-case-pre-intake" errors={errors} onSubmit={submit} labelledBy="threat-case-pre-intake-title">
        <TextField
          name="referringDistrictDialogueOn"
          type="date"
          label={t('threatCases.preIntake.referringDistrictDialogueOn')}
          value={values.referringDistrictDialogueOn}
          onChange={set('referringDistrictDialogueOn')}
          optional
        />
        <TextAreaField
          name="referringDistrictOutcome"
          label={t('threatCases.preIntake.referringDistrictOutcome')}
          value={values.referringDistrictOutcome}
          onChange={set('referringDistrictOutcome')}
          rows={2}
          optional
        />
        <TextField
          name="bopsDialogueOn"
          type="date"
          label={t('threatCases.preIntake.bopsDialogueOn')}
          value={values.bopsDialogueOn}
          onChange={set('bopsDialogueOn')}
          optional
        />
        <TextAreaField
          name="bopsOutcome"
          label={t('threatCases.preIntake.bopsOutcome')}
          value={values.bopsOutcome}
          onChange={set('bopsOutcome')}
          rows={2}
          optional
        />
        <SelectField
          name="decision"
          label={t('threatCases.preIntake.decision')}
          value={values.decision}
          onChange={set('decision')}
          options={[
            { value: '', label: t('common.noneSelected') },
            ...intakeDecisions.map((decision) => ({
              value: decision,
              label: t(`threatCases.preIntake.decisions.${decision}`),
            })),
          ]}
        />
        <TextAreaField
          name="safetyArrangements"
          label={t('threatCases.preIntake.safetyArrangements')}
          value={values.safetyArrangements}
          onChange={set('safetyArrangements')}
          rows={3}
          optional
        />
        <div className="form__actions">
          <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
            {t('threatCases.preIntake.submit')}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}
