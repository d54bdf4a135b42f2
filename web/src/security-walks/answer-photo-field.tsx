import {
  attachmentLimits,
  attachmentRefusalOf,
  type WalkPhoto,
  walkPhotoAccept,
  walkPhotoMediaTypes,
} from '@varn/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from '../shared/forms/field-ids.ts';
import { walkPhotoUrl } from './api/security-walks.ts';

const maxMegabytes = attachmentLimits.maxBytes / (1024 * 1024);

type AnswerPhotoFieldProps = {
  id: string;
  walkId: string;
  questionKey: string;
  /** The photo already saved for the answer, if any. */
  saved: WalkPhoto | undefined;
  chosen: File | null;
  onChange(file: File | null): void;
};

/**
 * One photo for the answer, taken with the tablet's camera or chosen from its pictures. A file the
 * server would refuse is not taken, and the person is told why at once.
 */
export function AnswerPhotoField({ id, walkId, questionKey, saved, chosen, onChange }: AnswerPhotoFieldProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  function choose(file: File | undefined) {
    if (!file) return;
    const reason = attachmentRefusalOf(file, attachmentLimits.maxBytes, walkPhotoMediaTypes);
    if (reason) {
      setRefusal(t(`securityWalks.photo.${reason}`, { name: file.name, max: maxMegabytes }));
      onChange(null);
      if (input.current) input.current.value = '';
      return;
    }
    setRefusal(null);
    onChange(file);
  }

  return (
    <div className={refusal ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {t('securityWalks.photo.label')} <span className="field__optional">{t('common.optional')}</span>
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('securityWalks.photo.hint', { max: maxMegabytes })}
      </p>
      <div id={`${id}-error`} role="alert" className={refusal ? 'field__error' : 'visually-hidden'}>
        {refusal && <p>{refusal}</p>}
      </div>
      {saved && (
        <p>
          {t('securityWalks.photo.saved')}{' '}
          <a href={walkPhotoUrl(walkId, questionKey)} download={saved.fileName}>
            {saved.fileName}
          </a>
        </p>
      )}
      <input
        ref={input}
        id={id}
        name={id}
        className="field__file"
        type="file"
        accept={walkPhotoAccept}
        capture="environment"
        aria-invalid={refusal ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, refusal !== null && `${id}-error`)}
        onChange={(event) => choose(event.target.files?.[0])}
      />
      {chosen && <p className="card__meta">{t('securityWalks.photo.chosen', { name: chosen.name })}</p>}
    </div>
  );
}
