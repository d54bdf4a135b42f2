import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { type ExportProgress, exportIncidents, saveFile } from './api/export-incidents.ts';
import type { IncidentFilters } from './api/get-incidents.ts';

type ExportState =
  | { step: 'idle' }
  | { step: 'running'; progress: ExportProgress | null }
  | { step: 'done'; rows: number; fileName: string }
  | { step: 'failed'; error: unknown };

/**
 * "Exportera till Excel": the list with its current filters as a workbook. Long exports show the
 * rows and the bytes received in a live region, then say where the file went.
 */
export function IncidentExport({ filters }: { filters: IncidentFilters }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ExportState>({ step: 'idle' });

  async function start() {
    setState({ step: 'running', progress: null });
    try {
      const result = await exportIncidents(filters, (progress) => setState({ step: 'running', progress }));
      saveFile(result.file, result.fileName);
      setState({ step: 'done', rows: result.rows, fileName: result.fileName });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  }

  const isRunning = state.step === 'running';
  return (
    <div className="incident-export">
      <button type="button" className="button button--secondary" onClick={start} disabled={isRunning}>
        {t('incidents.list.export')}
      </button>
      {isRunning && <progress className="incident-export__progress" aria-label={t('incidents.list.export')} />}
      <p role="status" aria-live="polite" className={state.step === 'done' ? 'alert alert--success' : 'card__meta'}>
        {isRunning && <ProgressText progress={state.progress} />}
        {state.step === 'done' && t('incidents.list.exportDone', { rows: state.rows, fileName: state.fileName })}
      </p>
      {state.step === 'failed' && <ProblemAlert error={state.error} />}
    </div>
  );
}

function ProgressText({ progress }: { progress: ExportProgress | null }) {
  const { t } = useTranslation();
  if (!progress) return t('incidents.list.exportStarting');
  if (progress.bytes === 0) return t('incidents.list.exporting', { rows: progress.rows });
  return t('incidents.list.exportProgress', { rows: progress.rows, kilobytes: Math.ceil(progress.bytes / 1024) });
}
