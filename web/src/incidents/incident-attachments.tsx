import type { Attachment, Incident } from '@varn/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../shared/i18n/use-language.ts';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { attachmentUrl, useAddAttachments } from './api/add-attachments.ts';
import { useRemoveAttachment } from './api/remove-attachment.ts';
import { formatFileSize } from './file-size.ts';
import { UploadForm } from './upload-form.tsx';

/**
 * The incident's photos, screenshots and PDFs as download links (each download is checked and
 * audited by the server), and for the reporter and handlers a way to add more.
 */
export function IncidentAttachments({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const [isRemoved, setRemoved] = useState(false);
  return (
    <section aria-labelledby="incident-attachments-title" className="panel">
      <h2 id="incident-attachments-title" tabIndex={-1}>
        {t('incidents.attachments.title')}
      </h2>
      <StatusMessage>{isRemoved && t('incidents.attachments.removed')}</StatusMessage>
      {incident.attachments.length === 0 ? (
        <p>{t('incidents.attachments.none')}</p>
      ) : (
        <ul className="attachment-list">
          {incident.attachments.map((attachment) => (
            <AttachmentItem
              key={attachment.id}
              incidentId={incident.id}
              attachment={attachment}
              onRemoved={() => setRemoved(true)}
            />
          ))}
        </ul>
      )}
      {incident.canAddAttachments && <AddAttachmentsForm incidentId={incident.id} />}
    </section>
  );
}

type AttachmentItemProps = { incidentId: string; attachment: Attachment; onRemoved(): void };

function AttachmentItem({ incidentId, attachment, onRemoved }: AttachmentItemProps) {
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
      {attachment.canRemove && (
        <RemoveAttachment incidentId={incidentId} attachment={attachment} onRemoved={onRemoved} />
      )}
    </li>
  );
}

/** Remove, which asks once more: the file is deleted for good. */
function RemoveAttachment({ incidentId, attachment, onRemoved }: AttachmentItemProps) {
  const { t } = useTranslation();
  const [isConfirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const removeAttachment = useRemoveAttachment(incidentId);
  // The button that was clicked is replaced by the question: focus goes to it, not to the page's top.
  useEffect(() => {
    if (isConfirming) question.current?.focus();
  }, [isConfirming]);

  function remove() {
    if (removeAttachment.isPending) return;
    removeAttachment.mutate(attachment.id, {
      onSuccess: () => {
        onRemoved();
        // The item (and the focused button) goes away: focus goes to the section's heading.
        document.getElementById('incident-attachments-title')?.focus();
      },
    });
  }

  if (!isConfirming) {
    return (
      <button type="button" className="button button--link button--danger" onClick={() => setConfirming(true)}>
        {t('incidents.attachments.removeAttachment')}
        <span className="visually-hidden"> {attachment.fileName}</span>
      </button>
    );
  }
  return (
    <div className="attachment-list__confirm">
      <p ref={question} tabIndex={-1}>
        {t('incidents.attachments.confirmRemove', { name: attachment.fileName })}
      </p>
      {removeAttachment.error && <ProblemAlert error={removeAttachment.error} />}
      <button
        type="button"
        className="button button--secondary button--danger"
        aria-disabled={removeAttachment.isPending || undefined}
        onClick={remove}
      >
        {t('incidents.attachments.confirmRemoveYes')}
      </button>
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        {t('incidents.attachments.confirmRemoveNo')}
      </button>
    </div>
  );
}

function AddAttachmentsForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  return (
    <UploadForm
      id="incident-attachments"
      labelledBy="incident-attachments-title"
      submitLabel={t('incidents.attachments.add')}
      addedText={(count) => t('incidents.attachments.added', { count })}
      recordId={incidentId}
      useUpload={useAddAttachments}
    />
  );
}
