import { useQueryClient } from '@tanstack/react-query';
import type { Incident, IncidentReport } from '@varn/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { newIdempotencyKey } from '../shared/api/api-client.ts';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { addAttachments, type UploadProgress } from './api/add-attachments.ts';
import { incidentQueryKey } from './api/get-incident.ts';
import { useSites } from './api/get-sites.ts';
import { useReportIncident } from './api/report-incident.ts';
import { UploadProgressStatus } from './attachment-picker.tsx';
import { ReportForm } from './report-form.tsx';
import './incidents.css';

/** A filed report, and how its attachments went: they are uploaded after the report is saved. */
type Reported = { incident: Incident; uploadedCount: number; failedFileNames: string[] };

/**
 * "Rapportera händelse": the short form first, details optional, then a confirmation with a link to
 * the report. A resend of the same report carries the same Idempotency-Key, so it is filed once.
 * Attachments follow the saved report one by one; one that fails never loses the report.
 */
export function ReportIncidentPage() {
  const { t } = useTranslation();
  const [reported, setReported] = useState<Reported | null>(null);
  // A new form (and a fresh key) for each report: the key names the form's instance.
  const [formKey, setFormKey] = useState(0);
  const shown = reported ? reported.incident.id : formKey;
  const previouslyShown = useRef(shown);
  // The page changes without a navigation: move focus to the new heading, as a navigation would.
  useEffect(() => {
    if (previouslyShown.current === shown) return;
    previouslyShown.current = shown;
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
  }, [shown]);

  if (reported) {
    return (
      <ReportConfirmation
        reported={reported}
        onReportAnother={() => {
          setReported(null);
          setFormKey((key) => key + 1);
        }}
      />
    );
  }
  return (
    <>
      <PageHeader title={t('incidents.report.title')} intro={t('incidents.report.intro')} />
      <ReportSection key={formKey} onReported={setReported} />
    </>
  );
}

function ReportSection({ onReported }: { onReported(reported: Reported): void }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const queryClient = useQueryClient();
  const reportIncident = useReportIncident();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const canListSites = useHasPermission('sites.read');
  const sites = useSites(canListSites);
  const lastSent = useRef<{ body: string; idempotencyKey: string } | null>(null);

  // Without the sites the free-text place still works: a failed list only hides the select.
  if (canListSites && sites.isPending) return <Loading />;

  function submit(report: IncidentReport) {
    const body = JSON.stringify(report);
    if (lastSent.current?.body !== body) lastSent.current = { body, idempotencyKey: newIdempotencyKey() };
    reportIncident.mutate(
      { report, idempotencyKey: lastSent.current.idempotencyKey },
      { onSuccess: uploadAttachments, onError: errors.fail },
    );
  }

  async function uploadAttachments(incident: Incident) {
    if (files.length === 0) {
      onReported({ incident, uploadedCount: 0, failedFileNames: [] });
      return;
    }
    const { failed } = await addAttachments(incident.id, files, setProgress);
    await queryClient.invalidateQueries({ queryKey: incidentQueryKey(incident.id) });
    onReported({
      incident,
      uploadedCount: files.length - failed.length,
      failedFileNames: failed.map((file) => file.name),
    });
  }

  return (
    <section aria-labelledby="incident-report-title" className="report">
      <h2 id="incident-report-title" className="visually-hidden">
        {t('incidents.report.formTitle')}
      </h2>
      <ReportForm
        id="incident-report"
        labelledBy="incident-report-title"
        sites={canListSites ? (sites.data ?? null) : null}
        errors={errors}
        isPending={reportIncident.isPending || progress !== null}
        submitLabel={t('incidents.report.submit')}
        onSubmit={submit}
        files={files}
        onFilesChange={setFiles}
      />
      <UploadProgressStatus progress={progress} />
    </section>
  );
}

function ReportConfirmation({ reported, onReportAnother }: { reported: Reported; onReportAnother(): void }) {
  const { t } = useTranslation();
  const { incident, uploadedCount, failedFileNames } = reported;
  return (
    <>
      <PageHeader title={t('incidents.confirmation.title')} intro={t('incidents.confirmation.intro')} />
      <div className="panel">
        {failedFileNames.length > 0 && (
          <p className="alert alert--warning" role="alert">
            {t('incidents.confirmation.attachmentsFailed', { names: failedFileNames.join(', ') })}
          </p>
        )}
        {uploadedCount > 0 && <p>{t('incidents.confirmation.attachmentsAdded', { count: uploadedCount })}</p>}
        {incident.isSerious && <p>{t('incidents.confirmation.serious')}</p>}
        <p>{t('incidents.confirmation.next')}</p>
        <ul className="task-list">
          <li>
            <Link to={paths.incident(incident.id)}>{t('incidents.confirmation.viewReport')}</Link>
          </li>
          <li>
            <Link to={paths.incidents}>{t('incidents.confirmation.viewAll')}</Link>
          </li>
        </ul>
        <button type="button" className="button button--secondary" onClick={onReportAnother}>
          {t('incidents.confirmation.reportAnother')}
        </button>
      </div>
    </>
  );
}
