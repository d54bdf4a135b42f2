import {
  type CorrectableField,
  correctableFields,
  type Incident,
  incidentCommentSchema,
  incidentCorrectionSchema,
} from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useFollowUpWrite } from './api/follow-up.ts';

/** A comment to the timeline, for the reporter and the handlers. */
export function CommentForm({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const write = useFollowUpWrite();
  const [text, setText] = useState('');
  const [isSent, setIsSent] = useState(false);

  function submit() {
    if (write.isPending) return;
    const comment = errors.validate(incidentCommentSchema, { text });
    if (!comment) return;
    setIsSent(false);
    write.mutate(
      { kind: 'comment', incidentId: incident.id, body: comment },
      {
        onSuccess: () => {
          setText('');
          setIsSent(true);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <section aria-labelledby="incident-comment-title" className="panel">
      <h2 id="incident-comment-title">{t('followUp.comments.title')}</h2>
      <StatusMessage>{isSent && t('followUp.comments.sent')}</StatusMessage>
      <Form id="incident-comment" errors={errors} onSubmit={submit} labelledBy="incident-comment-title">
        <TextAreaField
          name="text"
          label={t('followUp.comments.label')}
          hint={t('followUp.comments.hint')}
          rows={3}
          value={text}
          onChange={setText}
        />
        <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
          {t('followUp.comments.send')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** A correction to a named field of the report, appended beside the original (never replacing it). */
export function CorrectionForm({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const write = useFollowUpWrite();
  const [field, setField] = useState<CorrectableField>('description');
  const [text, setText] = useState('');
  const [isSent, setIsSent] = useState(false);

  function submit() {
    if (write.isPending) return;
    const correction = errors.validate(incidentCorrectionSchema, { field, text });
    if (!correction) return;
    setIsSent(false);
    write.mutate(
      { kind: 'correction', incidentId: incident.id, body: correction },
      {
        onSuccess: () => {
          setText('');
          setIsSent(true);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <section aria-labelledby="incident-correction-title" className="panel">
      <h2 id="incident-correction-title">{t('followUp.corrections.title')}</h2>
      <p>{t('followUp.corrections.intro')}</p>
      <StatusMessage>{isSent && t('followUp.corrections.sent')}</StatusMessage>
      <Form id="incident-correction" errors={errors} onSubmit={submit} labelledBy="incident-correction-title">
        <SelectField
          name="field"
          label={t('followUp.corrections.field')}
          value={field}
          options={correctableFields.map((value) => ({ value, label: t(`followUp.corrections.fields.${value}`) }))}
          onChange={(value) => setField(value as CorrectableField)}
        />
        <TextAreaField name="text" label={t('followUp.corrections.text')} rows={3} value={text} onChange={setText} />
        <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
          {t('followUp.corrections.send')}
        </SubmitButton>
      </Form>
    </section>
  );
}
