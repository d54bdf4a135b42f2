import {
  alarmSupportKinds,
  conversationInputSchema,
  type Enrolment,
  type EnrolmentStatusInput,
  enrolmentStatusInputSchema,
  type ProtectionConversationValues,
  type SupportKind,
  type SupportValues,
  supportInputSchema,
  supportKinds,
  supportStatuses,
} from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useFormValues } from '../shared/forms/use-form-values.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useWriteToOfficial } from './api/protection-programme.ts';

/** An empty date field means "none". */
const dateOrNull = (value: string) => (value === '' ? null : value);

/** The instruction's dated tick and a conversation needed sooner; the training comes from Training. */
export function StatusForm({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const { values, set } = useFormValues({
    instructionReadOn: enrolment.instructionReadOn ?? '',
    conversationNeededBy: enrolment.conversationNeededBy ?? '',
  });
  const write = useWriteToOfficial(enrolment.id);
  const [isSaved, setIsSaved] = useState(false);

  function submit() {
    const input = errors.validate<EnrolmentStatusInput>(enrolmentStatusInputSchema, {
      instructionReadOn: dateOrNull(values.instructionReadOn),
      conversationNeededBy: dateOrNull(values.conversationNeededBy),
    });
    if (!input || write.isPending) return;
    setIsSaved(false);
    write.mutate({ kind: 'status', body: input }, { onSuccess: () => setIsSaved(true), onError: errors.fail });
  }

  return (
    <section aria-labelledby="official-status-title" className="panel">
      <h2 id="official-status-title">{t('protectionProgramme.status.title')}</h2>
      <p>{t('protectionProgramme.status.trainingFromCourses')}</p>
      <StatusMessage>{isSaved && t('protectionProgramme.status.saved')}</StatusMessage>
      <Form id="official-status" errors={errors} onSubmit={submit} labelledBy="official-status-title">
        <TextField
          name="instructionReadOn"
          type="date"
          optional
          label={t('protectionProgramme.status.instructionReadOn')}
          value={values.instructionReadOn}
          onChange={set('instructionReadOn')}
        />
        <TextField
          name="conversationNeededBy"
          type="date"
          optional
          label={t('protectionProgramme.status.conversationNeededBy')}
          hint={t('protectionProgramme.status.conversationNeededByHint')}
          value={values.conversationNeededBy}
          onChange={set('conversationNeededBy')}
        />
        <div className="form__actions">
          <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
            {t('protectionProgramme.status.submit')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}

const conversationValues = { offeredOn: '', heldOn: '', heldBy: '', notes: '' };

export function ConversationForm({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const { values, set, reset } = useFormValues(conversationValues);
  const write = useWriteToOfficial(enrolmentId);
  const [isSaved, setIsSaved] = useState(false);

  function submit() {
    const input = errors.validate<ProtectionConversationValues>(conversationInputSchema, {
      ...values,
      heldOn: dateOrNull(values.heldOn),
      heldBy: values.heldBy.trim() === '' ? null : values.heldBy,
    });
    if (!input || write.isPending) return;
    setIsSaved(false);
    write.mutate(
      { kind: 'conversations', body: input },
      {
        onSuccess: () => {
          reset();
          setIsSaved(true);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <>
      <h3 id="official-conversation-form-title">{t('protectionProgramme.conversations.add')}</h3>
      <StatusMessage>{isSaved && t('protectionProgramme.conversations.saved')}</StatusMessage>
      <Form id="official-conversation" errors={errors} onSubmit={submit} labelledBy="official-conversation-form-title">
        <TextField
          name="offeredOn"
          type="date"
          label={t('protectionProgramme.conversations.offeredOn')}
          value={values.offeredOn}
          onChange={set('offeredOn')}
        />
        <TextField
          name="heldOn"
          type="date"
          optional
          label={t('protectionProgramme.conversations.heldOn')}
          value={values.heldOn}
          onChange={set('heldOn')}
        />
        <TextField
          name="heldBy"
          optional
          label={t('protectionProgramme.conversations.heldBy')}
          value={values.heldBy}
          onChange={set('heldBy')}
        />
        <TextAreaField
          name="notes"
          optional
          label={t('protectionProgramme.conversations.notes')}
          hint={t('protectionProgramme.conversations.notesHint')}
          value={values.notes}
          onChange={set('notes')}
          rows={4}
        />
        <div className="form__actions">
          <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
            {t('protectionProgramme.conversations.submit')}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}

const supportValues = {
  kind: 'threat_analysis' as string,
  status: 'planned' as string,
  startedOn: '',
  endedOn: '',
  alarmCentreReference: '',
  description: '',
};

export function SupportForm({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const { values, set, reset } = useFormValues(supportValues);
  const write = useWriteToOfficial(enrolmentId);
  const [isSaved, setIsSaved] = useState(false);
  const isAlarm = alarmSupportKinds.includes(values.kind as SupportKind);

  function submit() {
    const input = errors.validate<SupportValues>(supportInputSchema, {
      ...values,
      endedOn: dateOrNull(values.endedOn),
      alarmCentreReference: isAlarm && values.alarmCentreReference.trim() !== '' ? values.alarmCentreReference : null,
    });
    if (!input || write.isPending) return;
    setIsSaved(false);
    write.mutate(
      { kind: 'support', body: input },
      {
        onSuccess: () => {
          reset();
          setIsSaved(true);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <>
      <h3 id="official-support-form-title">{t('protectionProgramme.support.add')}</h3>
      <StatusMessage>{isSaved && t('protectionProgramme.support.saved')}</StatusMessage>
      <Form id="official-support" errors={errors} onSubmit={submit} labelledBy="official-support-form-title">
        <SelectField
          name="kind"
          label={t('protectionProgramme.support.kind')}
          value={values.kind}
          onChange={set('kind')}
          options={supportKinds.map((kind) => ({ value: kind, label: t(`protectionProgramme.supportKinds.${kind}`) }))}
        />
        <SelectField
          name="status"
          label={t('protectionProgramme.support.status')}
          value={values.status}
          onChange={set('status')}
          options={supportStatuses.map((status) => ({
            value: status,
            label: t(`protectionProgramme.supportStatuses.${status}`),
          }))}
        />
        <TextField
          name="startedOn"
          type="date"
          label={t('protectionProgramme.support.startedOn')}
          value={values.startedOn}
          onChange={set('startedOn')}
        />
        <TextField
          name="endedOn"
          type="date"
          optional
          label={t('protectionProgramme.support.endedOn')}
          value={values.endedOn}
          onChange={set('endedOn')}
        />
        {isAlarm && (
          <TextField
            name="alarmCentreReference"
            optional
            label={t('protectionProgramme.support.alarmCentreReference')}
            value={values.alarmCentreReference}
            onChange={set('alarmCentreReference')}
          />
        )}
        <TextAreaField
          name="description"
          optional
          label={t('protectionProgramme.support.description')}
          value={values.description}
          onChange={set('description')}
          rows={3}
        />
        <div className="form__actions">
          <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
            {t('protectionProgramme.support.submit')}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}
