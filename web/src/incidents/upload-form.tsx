import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import type { UploadProgress } from './api/add-attachments.ts';
import { AttachmentPicker, UploadProgressStatus } from './attachment-picker.tsx';

type UploadMutation = UseMutationResult<{ failed: File[]; lastError: unknown }, unknown, readonly File[]>;

export type UploadFormProps = {
  id: string;
  labelledBy: string;
  hint?: string;
  submitLabel: string;
  addedText: (count: number) => string;
  /** The record the files are added to. */
  recordId: string;
  /** The hook that uploads the chosen files one by one (e.g. `useAddAttachments`), telling its progress. */
  useUpload: (recordId: string, onProgress: (progress: UploadProgress) => void) => UploadMutation;
};

/**
 * Files added to a record after it exists (an incident's attachments, a measure's evidence): chosen,
 * sent one by one with progress; what failed stays chosen, so that one press tries it again.
 */
export function UploadForm({ id, labelledBy, hint, submitLabel, addedText, recordId, useUpload }: UploadFormProps) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [isNothingChosen, setNothingChosen] = useState(false);
  const [outcome, setOutcome] = useState<{ added: number; failed: File[]; error: unknown } | null>(null);
  const upload = useUpload(recordId, setProgress);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (upload.isPending) return;
    setNothingChosen(files.length === 0);
    if (files.length === 0) return;
    setOutcome(null);
    upload.mutate(files, {
      onSuccess: ({ failed, lastError }) => {
        setOutcome({ added: files.length - failed.length, failed, error: lastError });
        setFiles(failed);
        setProgress(null);
      },
    });
  }

  return (
    <form id={id} noValidate onSubmit={submit} aria-labelledby={labelledBy}>
      <AttachmentPicker
        id={`${id}-files`}
        files={files}
        hint={hint}
        onChange={(chosen) => {
          setFiles(chosen);
          setNothingChosen(false);
        }}
        error={isNothingChosen ? t('incidents.attachments.nothingChosen') : null}
      />
      <UploadProgressStatus progress={progress} />
      <StatusMessage>{outcome && outcome.added > 0 && addedText(outcome.added)}</StatusMessage>
      {outcome && outcome.failed.length > 0 && (
        <>
          <p className="alert alert--error" role="alert">
            {t('incidents.attachments.failed', { names: outcome.failed.map((file) => file.name).join(', ') })}
          </p>
          <ProblemAlert error={outcome.error} />
        </>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={upload.isPending || undefined}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
