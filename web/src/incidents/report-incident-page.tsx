import { useQueryClient } from '@tanstack/react-query';
import type { Incident, IncidentReport } from '@varn/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { newIdempotencyKey } from '../shared/api/api-client.ts';
import { isProblemError } from '../shared/api/problem-error.ts';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { useSession } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { addAttachments, type UploadProgress } from './api/add-attachments.ts';
import { incidentQueryKey } from './api/get-incident.ts';
import { useSites } from './api/get-sites.ts';
import { useReportIncident } from './api/report-incident.ts';
import { UploadProgressStatus } from './attachment-picker.tsx';
import { DraftOffer } from './offline/draft-offer.tsx';
import { QueuedReports } from './offline/queued-reports.tsx';
import { clearReportDraft, type ReportDraft, readReportDraft, saveReportDraft } from './offline/report-drafts.ts';
import { type QueuedReport, queueReport, removeQueuedReport } from './offline/report-queue.ts';
import { ReportForm } from './report-form.tsx';
import type { ReportValues } from './report-values.ts';
import './incidents.css';

/** A filed report, and how its attachments went: they are uploaded after the report is saved. */
type Reported = { incident: Incident; uploadedCount: number; failedFileNames: string[] };

/**
 * "Rapportera händelse": the short form first, details optional, then a confirmation with a link to
 * the report. A resend of the same report carries the same Idempotency-Key, so it is filed once.
 * Without network the report waits on the device and is sent later (offline/report-queue.ts); what
 * is typed and not sent is kept as a draft and offered again when the page opens. Attachments follow
 * the saved report one by one; one that fails never loses the report.
 */
export function ReportIncidentPage() {
  const { t } = useTranslation();
  const { personId } = useSession();
  const [reported, setReported] = useState<Reported | null>(null);
  // A new form (and a fresh key) for each report: the key names the form's instance.
  const [formKey, setFormKey] = useState(0);
  const [offeredDraft, setOfferedDraft] = useState<ReportDraft | null>(() => readReportDraft(personId));
  const [startValues, setStartValues] = useState<ReportValues | undefined>(undefined);
  // A queued report put back into the form brings its chosen files along.
  const [startFiles, setStartFiles] = useState<readonly File[]>([]);
  const shown = reported ? reported.incident.id : `${formKey}${offeredDraft ? '-offer' : ''}`;
  const previouslyShown = useRef(shown);
  // The page changes without a navigation: move focus to the new heading, as a navigation would.
  useEffect(() => {
    if (previouslyShown.current === shown) return;
    previouslyShown.current = shown;
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
  }, [shown]);

  function startForm(values: ReportValues | undefined, files: readonly File[] = []) {
    setOfferedDraft(null);
    setStartValues(values);
    setStartFiles(files);
    setFormKey((key) => key + 1);
  }

  function editQueued(report: QueuedReport) {
    saveReportDraft(personId, report.values);
    void removeQueuedReport(report.idempotencyKey);
    startForm(report.values, report.files);
  }

  if (reported) {
    return (
      <ReportConfirmation
        reported={reported}
        onReportAnother={() => {
          setReported(null);
          startForm(undefined);
        }}
      />
    );
  }
  return (
    <>
      <PageHeader title={t('incidents.report.title')} intro={t('incidents.report.intro')} />
      <QueuedReports
        personId={personId}
        onEdit={editQueued}
        onRemove={(report) => void removeQueuedReport(report.idempotencyKey)}
      />
      {offeredDraft ? (
        <DraftOffer
          draft={offeredDraft}
          onContinue={() => startForm(offeredDraft.values)}
          onDiscard={() => {
            clearReportDraft(personId);
            startForm(undefined);
          }}
        />
      ) : (
        <ReportSection
          key={formKey}
          personId={personId}
          startValues={startValues}
          startFiles={startFiles}
          onReported={(filed) => {
            clearReportDraft(personId);
            setReported(filed);
          }}
          onQueued={() => {
            clearReportDraft(personId);
            startForm(undefined);
            // The queued report is now first on the page: say so where focus goes.
            requestAnimationFrame(() => document.getElementById('queued-reports-title')?.focus());
          }}
        />
      )}
    </>
  );
}

type ReportSectionProps = {
  personId: string;
  startValues: ReportValues | undefined;
  startFiles: readonly File[];
  onReported(reported: Reported): void;
  onQueued(): void;
};

function ReportSection({ personId, startValues, startFiles, onReported, onQueued }: ReportSectionProps) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const queryClient = useQueryClient();
  const reportIncident = useReportIncident();
  const [files, setFiles] = useState<File[]>(() => [...startFiles]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const sites = useSites(personId);
  const lastSent = useRef<{ body: string; idempotencyKey: string } | null>(null);
  const initialValues = useRef(startValues ? JSON.stringify(startValues) : null);
  const [isQueueing, setQueueing] = useState(false);

  // Without the sites the free-text place still works: a failed list only hides the select. Offline
  // the list last loaded on this device is used (offline/kept-sites.ts), or none.
  if (sites.isPending && sites.fetchStatus === 'fetching') return <Loading />;

  function keepDraft(values: ReportValues) {
    const text = JSON.stringify(values);
    // The untouched form is no draft: its starting values are either empty or the draft itself.
    if (initialValues.current === null) initialValues.current = text;
    else if (text !== initialValues.current) saveReportDraft(personId, values);
  }

  async function queue(report: IncidentReport, values: ReportValues, idempotencyKey: string) {
    setQueueing(true);
    try {
      await queueReport({ idempotencyKey, personId, report, values, files });
      onQueued();
    } finally {
      setQueueing(false);
    }
  }

  function submit(report: IncidentReport, values: ReportValues) {
    const body = JSON.stringify(report);
    if (lastSent.current?.body !== body) lastSent.current = { body, idempotencyKey: newIdempotencyKey() };
    const { idempotencyKey } = lastSent.current;
    if (!navigator.onLine) {
      void queue(report, values, idempotencyKey);
      return;
    }
    reportIncident.mutate(
      { report, idempotencyKey },
      {
        onSuccess: uploadAttachments,
        onError: (error) => {
          // No answer at all: the same key goes with it into the queue, in case the server did get it.
          if (isProblemError(error) && error.status === 0) void queue(report, values, idempotencyKey);
          else errors.fail(error);
        },
      },
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
        sites={sites.data ?? null}
        errors={errors}
        isPending={reportIncident.isPending || isQueueing || progress !== null}
        submitLabel={t('incidents.report.submit')}
        startValues={startValues}
        onValuesChange={keepDraft}
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
