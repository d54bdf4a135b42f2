import type { Attachment, Incident } from '@varn/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../shared/i18n/use-language.ts';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { attachmentUrl, type UploadProgress, useAddAttachments } from './api/add-attachments.ts';
import { AttachmentPicker, UploadProgressStatus } from './attachment-picker.tsx';
import { formatFileSize } from './file-size.ts';

/**
 * The incident's photos, screenshots and PDFs as download links (each download is checked and
 * audited by the server), and for the reporter and handlers a way to add more.
 */
export function IncidentAttachments({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="incident-attachments-title" className="panel">
      <h2 id="incident-attachments-title">{t('incidents.attachments.title')}</h2>
      {incident.attachments.length === 0 ? (
        <p>{t('incidents.attachments.none')}</p>
      ) : (
        <ul className="attachment-list">
          {incident.attachments.map((attachment) => (
            <AttachmentItem key={attachment.id} incidentId={incident.id} attachment={attachment} />
          ))}
        </ul>
      )}
      {incident.canAddAttachments && <AddAttachmentsForm incidentId={incident.id} />}
    </section>
  );
}

function AttachmentItem({ incidentId, attachment }: { incidentId: string; attachment: Attachment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const facts = {
    type: attachment.mediaType.split('/')[1]?.toUpperCase() ?? '',
    size: formatFileSize(attachment.byteSize, language),
    date: formatDateTime(attachment.uploadedAt),
    name: attachment.uploadedBy ?? '',
  };
  return (
    <li className="attachment-list__item attachment-list__item--stored">
      <a href={attachmentUrl(incidentId, attachment.id)} download={attachment.fileName}>
        {attachment.fileName}
      </a>
      <span className="card__meta">
        {attachment.uploadedBy
          ? t('incidents.attachments.uploaded', facts)
          : t('incidents.attachments.uploadedByUnknown', facts)}
      </span>
    </li>
  );
}

function AddAttachmentsForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [isNothingChosen, setNothingChosen] = useState(false);
  const [outcome, setOutcome] = useState<{ added: number; failed: File[]; error: unknown } | null>(null);
  const addAttachments = useAddAttachments(incidentId, setProgress);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (addAttachments.isPending) return;
    setNothingChosen(files.length === 0);
    if (files.length === 0) return;
    setOutcome(null);
    addAttachments.mutate(files, {
      onSuccess: ({ failed, lastError }) => {
        setOutcome({ added: files.length - failed.length, failed, error: lastError });
        // What failed stays chosen, so that one press tries it again.
        setFiles(failed);
        setProgress(null);
      },
    });
  }

  return (
    <form id="incident-attachments" noValidate onSubmit={submit} aria-labelledby="incident-attachments-title">
      <AttachmentPicker
        id="incident-attachments-files"
        files={files}
        onChange={(chosen) => {
          setFiles(chosen);
          setNothingChosen(false);
        }}
        error={isNothingChosen ? t('incidents.attachments.nothingChosen') : null}
      />
      <UploadProgressStatus progress={progress} />
      <StatusMessage>
        {outcome && outcome.added > 0 && t('incidents.attachments.added', { count: outcome.added })}
      </StatusMessage>
      {outcome && outcome.failed.length > 0 && (
        <>
          <p className="alert alert--error" role="alert">
            {t('incidents.attachments.failed', { names: outcome.failed.map((file) => file.name).join(', ') })}
          </p>
          <ProblemAlert error={outcome.error} />
        </>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={addAttachments.isPending || undefined}>
          {t('incidents.attachments.add')}
        </button>
      </div>
    </form>
  );
}
