import {
  type Incident,
  type IncidentNoticeKind,
  incidentNoticeKinds,
  incidentNoticeSchema,
  stockholmDate,
} from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { formatDate } from '../shared/ui/format-date.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useFollowUpWrite } from './api/follow-up.ts';

const dutyOf = { authority_notice: 'requiresAuthorityNotice', work_injury_report: 'requiresWorkInjuryReport' } as const;
const doneOf = { authority_notice: 'authorityNotice', work_injury_report: 'workInjuryReport' } as const;
const labelOf = { authority_notice: 'authorityNotice', work_injury_report: 'workInjuryReport' } as const;

/**
 * What the incident calls for (Arbetsmiljöverket without delay; a work-injury report to
 * Försäkringskassan) and what is done; handlers record a notice made and print the summary.
 */
export function IncidentNotices({ incident, canHandle }: { incident: Incident; canHandle: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="incident-notices-title" className="panel">
      <h2 id="incident-notices-title">{t('followUp.notices.title')}</h2>
      <dl className="details">
        {incidentNoticeKinds.map((kind) => (
          <NoticeState key={kind} incident={incident} kind={kind} />
        ))}
      </dl>
      {canHandle && (
        <>
          <p>
            <Link to={paths.incidentSummary(incident.id)}>{t('followUp.notices.summaryLink')}</Link>
          </p>
          <NoticeForm incident={incident} />
        </>
      )}
    </section>
  );
}

function NoticeState({ incident, kind }: { incident: Incident; kind: IncidentNoticeKind }) {
  const { t } = useTranslation();
  const done = incident[doneOf[kind]];
  const isDue = incident[dutyOf[kind]];
  let text: string;
  if (done) {
    const values = { date: formatDate(done.doneOn), name: done.byName ?? t('common.notSet') };
    text = done.reference
      ? t('followUp.notices.doneWithReference', { ...values, reference: done.reference })
      : t('followUp.notices.done', values);
  } else {
    text = isDue
      ? t(`followUp.notices.${kind === 'authority_notice' ? 'authorityNoticeDue' : 'workInjuryReportDue'}`)
      : t('followUp.notices.notRequired');
  }
  return (
    <>
      <dt>{t(`followUp.notices.${labelOf[kind]}`)}</dt>
      <dd className={isDue && !done ? 'notice notice--due' : 'notice'}>{text}</dd>
    </>
  );
}

function NoticeForm({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const write = useFollowUpWrite();
  const firstDue = incidentNoticeKinds.find((kind) => incident[dutyOf[kind]] && !incident[doneOf[kind]]);
  const [kind, setKind] = useState<IncidentNoticeKind>(firstDue ?? 'authority_notice');
  const [doneOn, setDoneOn] = useState(stockholmDate);
  const [reference, setReference] = useState('');
  const [isRecorded, setIsRecorded] = useState(false);

  function submit() {
    if (write.isPending) return;
    const notice = errors.validate(incidentNoticeSchema, { kind, doneOn, reference: reference.trim() || null });
    if (!notice) return;
    setIsRecorded(false);
    write.mutate(
      { kind: 'notice', incidentId: incident.id, body: notice },
      {
        onSuccess: () => {
          setReference('');
          setIsRecorded(true);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <>
      <h3 id="incident-notice-form-title">{t('followUp.notices.formTitle')}</h3>
      <StatusMessage>{isRecorded && t('followUp.notices.recorded')}</StatusMessage>
      <Form id="incident-notice" errors={errors} onSubmit={submit} labelledBy="incident-notice-form-title">
        <SelectField
          name="kind"
          label={t('followUp.notices.kind')}
          value={kind}
          options={incidentNoticeKinds.map((value) => ({ value, label: t(`followUp.notices.${labelOf[value]}`) }))}
          onChange={(value) => setKind(value as IncidentNoticeKind)}
        />
        <TextField name="doneOn" type="date" label={t('followUp.notices.doneOn')} value={doneOn} onChange={setDoneOn} />
        <TextField
          name="reference"
          label={t('followUp.notices.reference')}
          optional
          maxLength={60}
          value={reference}
          onChange={setReference}
        />
        <SubmitButton isPending={write.isPending} pendingLabel={t('common.saving')}>
          {t('followUp.notices.record')}
        </SubmitButton>
      </Form>
    </>
  );
}
