import { type Incident, investigationUpdateSchema } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useFollowUpWrite } from './api/follow-up.ts';

const fields = ['causes', 'courseAfter', 'lessonsLearned'] as const;

/** The investigation: a form for handlers, the saved text for everyone else who reads the report. */
export function InvestigationSection({ incident, canHandle }: { incident: Incident; canHandle: boolean }) {
  const { t } = useTranslation();
  const { investigation } = incident;
  return (
    <section aria-labelledby="incident-investigation-title" className="panel">
      <h2 id="incident-investigation-title">{t('followUp.investigation.title')}</h2>
      {canHandle ? (
        <InvestigationForm incident={incident} />
      ) : fields.every((field) => investigation[field] === '') ? (
        <p>{t('followUp.investigation.empty')}</p>
      ) : (
        fields
          .filter((field) => investigation[field] !== '')
          .map((field) => (
            <div key={field}>
              <h3>{t(`followUp.investigation.${field}`)}</h3>
              <p className="incident-description">{investigation[field]}</p>
            </div>
          ))
      )}
    </section>
  );
}

function InvestigationForm({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const write = useFollowUpWrite();
  const [values, setValues] = useState(incident.investigation);
  const [isSaved, setIsSaved] = useState(false);

  function submit() {
    if (write.isPending) return;
    const update = errors.validate(investigationUpdateSchema, values);
    if (!update) return;
    setIsSaved(false);
    write.mutate(
      { kind: 'investigation', incidentId: incident.id, body: update },
      { onSuccess: () => setIsSaved(true), onError: errors.fail },
    );
  }

  return (
    <>
      <StatusMessage>{isSaved && t('followUp.investigation.saved')}</StatusMessage>
      <Form id="incident-investigation" errors={errors} onSubmit={submit} labelledBy="incident-investigation-title">
        {fields.map((field, index) => (
          <TextAreaField
            key={field}
            name={field}
            label={t(`followUp.investigation.${field}`)}
            hint={index === 0 ? t('followUp.investigation.hint') : undefined}
            optional
            rows={4}
            value={values[field]}
            onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
          />
        ))}
        <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
          {t('followUp.investigation.save')}
        </SubmitButton>
      </Form>
    </>
  );
}
