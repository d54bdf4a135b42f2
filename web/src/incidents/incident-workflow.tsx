import { type Incident, type IncidentStatus, incidentStatusChangeSchema, incidentTransitions } from '@varn/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { en } from '../shared/i18n/en.ts';
import { sv } from '../shared/i18n/sv.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useChangeIncidentStatus } from './api/change-incident-status.ts';

const reopenCommentRequired = {
  sv: sv.incidents.workflow.reopenCommentRequired,
  en: en.incidents.workflow.reopenCommentRequired,
};

/**
 * The next steps of the workflow (`incidentTransitions`) as buttons, with an optional comment that
 * is required when a closed report is opened again. For roles with `incidents.handle`.
 */
export function IncidentWorkflow({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const changeStatus = useChangeIncidentStatus();
  const [comment, setComment] = useState('');
  const [changedTo, setChangedTo] = useState<IncidentStatus | null>(null);
  const chosen = useRef<IncidentStatus | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextSteps = incidentTransitions[incident.status];
  const isReopening = incident.status === 'closed';

  function submit() {
    const status = chosen.current;
    if (!status || changeStatus.isPending) return;
    const change = errors.validate(incidentStatusChangeSchema, { status, comment });
    if (!change) return;
    if (isReopening && change.comment.trim() === '') {
      errors.reject('comment', reopenCommentRequired);
      return;
    }
    setChangedTo(null);
    changeStatus.mutate(
      { incidentId: incident.id, change },
      {
        onSuccess: () => {
          setComment('');
          setChangedTo(status);
          // The pressed button is gone with the old status: keep focus in this section.
          heading.current?.focus();
        },
        onError: errors.fail,
      },
    );
  }

  function actionLabel(status: IncidentStatus) {
    if (isReopening) return t('incidents.workflow.reopen');
    if (incident.status === 'measures_decided' && status === 'investigating') {
      return t('incidents.workflow.investigateFurther');
    }
    return t(`incidents.workflow.actions.${status}`);
  }

  return (
    <section aria-labelledby="incident-workflow-title" className="panel">
      <h2 id="incident-workflow-title" ref={heading} tabIndex={-1}>
        {t('incidents.workflow.title')}
      </h2>
      <StatusMessage>
        {changedTo && t('incidents.workflow.changed', { status: t(`incidents.statuses.${changedTo}`) })}
      </StatusMessage>
      <Form id="incident-workflow" errors={errors} onSubmit={submit} labelledBy="incident-workflow-title">
        <TextAreaField
          name="comment"
          label={t('incidents.workflow.comment')}
          hint={isReopening ? t('incidents.workflow.reopenCommentHint') : t('incidents.workflow.commentHint')}
          optional={!isReopening}
          rows={3}
          value={comment}
          onChange={setComment}
        />
        <div className="form__actions">
          {nextSteps.map((status, index) => (
            <button
              key={status}
              type="submit"
              className={index === 0 ? 'button button--primary' : 'button button--secondary'}
              aria-disabled={changeStatus.isPending || undefined}
              onClick={() => {
                chosen.current = status;
              }}
            >
              {actionLabel(status)}
            </button>
          ))}
        </div>
      </Form>
    </section>
  );
}
