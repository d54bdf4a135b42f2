import { type ConsultationValues, consultationInputSchema, consultationParties, type ThreatCase } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useWriteToThreatCase } from './api/update-threat-case.ts';
import { Section } from './section.tsx';
import { useCaseForm } from './use-case-form.ts';

/** Consultations with the referring district, BOPS, the police or occupational health, newest first. */
export function ConsultationsSection({ threatCase, canManage }: { threatCase: ThreatCase; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Section id="threat-case-consultations-title" title={t('threatCases.consultations.title')}>
      {threatCase.consultations.length === 0 ? (
        <p>{t('threatCases.consultations.none')}</p>
      ) : (
        <ul className="plain-list">
          {threatCase.consultations.map((consultation) => (
            <li key={consultation.id}>
              <strong>
                {t('threatCases.consultations.entry', {
                  party: t(`threatCases.consultationParties.${consultation.party}`),
                  date: formatDate(consultation.consultedOn),
                })}
              </strong>
              <p>{consultation.outcome}</p>
            </li>
          ))}
        </ul>
      )}
      {canManage && <ConsultationForm caseId={threatCase.id} />}
    </Section>
  );
}

const initialValues = { party: 'referring_district', consultedOn: '', outcome: '' };

function ConsultationForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const write = useWriteToThreatCase(caseId);
  const { errors, values, set, saved, save } = useCaseForm(initialValues, write);

  function submit() {
    const input = errors.validate<ConsultationValues>(consultationInputSchema, values);
    save(input && { kind: 'consultations', body: input }, true);
  }

  return (
    <>
      <StatusMessage>{saved && t('threatCases.consultations.saved')}</StatusMessage>
      <Form
        id="threat-case-consultation"
        errors={errors}
        onSubmit={submit}
        labelledBy="threat-case-consultations-title"
      >
        <SelectField
          name="party"
          label={t('threatCases.consultations.party')}
          value={values.party}
          onChange={set('party')}
          options={consultationParties.map((party) => ({
            value: party,
            label: t(`threatCases.consultationParties.${party}`),
          }))}
        />
        <TextField
          name="consultedOn"
          type="date"
          label={t('threatCases.consultations.date')}
          value={values.consultedOn}
          onChange={set('consultedOn')}
        />
        <TextAreaField
          name="outcome"
          label={t('threatCases.consultations.outcome')}
          value={values.outcome}
          onChange={set('outcome')}
          rows={3}
        />
        <div className="form__actions">
          <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
            {t('threatCases.consultations.add')}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}
