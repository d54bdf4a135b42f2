import { attachmentLimits } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../incidents/file-size.ts';
import { UploadForm } from '../incidents/upload-form.tsx';
import { useLanguage } from '../shared/i18n/use-language.ts';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { measureEvidenceUrl, useAddMeasureEvidence, useMeasureEvidence } from './api/measure-lists.ts';
// The picker's and the file list's styles.
import '../incidents/incidents.css';

/**
 * "Underlag": the measure's evidence of completion as files (photos, PDFs), as download links (each
 * download is checked and audited by the server), and for those who manage the measure a way to add more.
 */
export function MeasureEvidence({ measureId, mayManage }: { measureId: string; mayManage: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const evidence = useMeasureEvidence(measureId);
  return (
    <section className="panel" aria-labelledby="measure-evidence-title">
      <h2 id="measure-evidence-title">{t('measures.evidence.title')}</h2>
      {evidence.isPending && <Loading />}
      {evidence.isError && <ProblemAlert error={evidence.error} />}
      {evidence.data &&
        (evidence.data.items.length === 0 ? (
          <p>{t('measures.evidence.none')}</p>
        ) : (
          <ul className="attachment-list">
            {evidence.data.items.map((file) => (
              <li key={file.id} className="attachment-list__item attachment-list__item--stored">
                <a href={measureEvidenceUrl(measureId, file.id)} download={file.fileName}>
                  {file.fileName}
                </a>
                <span className="card__meta">
                  {t('incidents.attachments.uploaded', {
                    type: file.mediaType.split('/')[1]?.toUpperCase() ?? '',
                    size: formatFileSize(file.byteSize, language),
                    date: formatDateTime(file.uploadedAt),
                    name: file.uploadedBy,
                  })}
                </span>
              </li>
            ))}
          </ul>
        ))}
      {mayManage && <AddEvidenceForm measureId={measureId} />}
    </section>
  );
}

function AddEvidenceForm({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  return (
    <UploadForm
      id="measure-evidence"
      labelledBy="measure-evidence-title"
      hint={t('measures.evidence.hint', { max: attachmentLimits.maxBytes / (1024 * 1024) })}
      submitLabel={t('measures.evidence.add')}
      addedText={(count) => t('measures.evidence.added', { count })}
      recordId={measureId}
      useUpload={useAddMeasureEvidence}
    />
  );
}
