import { attachmentAccept, attachmentLimits, attachmentRefusalOf } from '@varn/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from '../shared/forms/field-ids.ts';
import { useLanguage } from '../shared/i18n/use-language.ts';
import type { UploadProgress } from './api/add-attachments.ts';
import { formatFileSize } from './file-size.ts';

const maxMegabytes = attachmentLimits.maxBytes / (1024 * 1024);

/** The same file chosen twice is taken once. */
const keyOf = (file: File) => `${file.name}|${file.size}|${file.lastModified}`;

type AttachmentPickerProps = {
  id: string;
  files: readonly File[];
  onChange(files: File[]): void;
  /** A message from outside, e.g. "choose a file first". */
  error?: string | null;
  /** What to choose, where the incident's hint does not fit (a measure's evidence). */
  hint?: string;
};

/**
 * Choosing photos, screenshots and PDFs to attach. Files of a type or size the server would refuse
 * are not taken, and the person is told which and why at once; the chosen ones are listed and can be
 * removed before anything is sent.
 */
export function AttachmentPicker({ id, files, onChange, error, hint }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [refusals, setRefusals] = useState<string[]>([]);
  const messages = error ? [error, ...refusals] : refusals;

  function choose(chosen: readonly File[]) {
    const taken: File[] = [];
    const refused: string[] = [];
    for (const file of chosen) {
      const refusal = attachmentRefusalOf(file, attachmentLimits.maxBytes);
      if (refusal === 'wrong_type') refused.push(t('incidents.attachments.wrongType', { name: file.name }));
      else if (refusal === 'empty') refused.push(t('incidents.attachments.empty', { name: file.name }));
      else if (refusal === 'too_large') {
        refused.push(t('incidents.attachments.tooLarge', { name: file.name, max: maxMegabytes }));
      } else taken.push(file);
    }
    setRefusals(refused);
    const alreadyChosen = new Set(files.map(keyOf));
    onChange([...files, ...taken.filter((file) => !alreadyChosen.has(keyOf(file)))]);
    // Emptied, so that a removed file can be chosen again; the list below shows what is chosen.
    if (input.current) input.current.value = '';
  }

  return (
    <div className={messages.length > 0 ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {t('incidents.attachments.choose')} <span className="field__optional">{t('common.optional')}</span>
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {hint ?? t('incidents.attachments.hint', { max: maxMegabytes })}
      </p>
      <div id={`${id}-error`} role="alert" className={messages.length > 0 ? 'field__error' : 'visually-hidden'}>
        {messages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      <input
        ref={input}
        id={id}
        name={id}
        className="field__file"
        type="file"
        multiple
        accept={attachmentAccept}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy(`${id}-hint`, messages.length > 0 && `${id}-error`)}
        onChange={(event) => choose([...(event.target.files ?? [])])}
      />
      {files.length > 0 && (
        <ul className="attachment-list" aria-label={t('incidents.attachments.chosen')}>
          {files.map((file) => (
            <li key={keyOf(file)} className="attachment-list__item">
              <span className="attachment-list__name">
                {file.name} ({formatFileSize(file.size, language)})
              </span>
              <button
                type="button"
                className="button button--link"
                onClick={() => onChange(files.filter((other) => other !== file))}
              >
                {t('incidents.attachments.remove')}
                <span className="visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Uploading attachment 1 of 2 …" with a progress bar, while files are being sent. */
export function UploadProgressStatus({ progress }: { progress: UploadProgress | null }) {
  const { t } = useTranslation();
  const isUploading = progress !== null && progress.done < progress.total;
  return (
    <div role="status" className={isUploading ? 'upload-progress' : 'visually-hidden'}>
      {isUploading && (
        <>
          <p>{t('incidents.attachments.uploading', { current: progress.done + 1, total: progress.total })}</p>
          <progress max={progress.total} value={progress.done} aria-label={t('incidents.attachments.progress')} />
        </>
      )}
    </div>
  );
}
