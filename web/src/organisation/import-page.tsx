import { type FieldError, peopleImportColumns } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../shared/api/problem-error.ts';
import { FileField } from '../shared/forms/file-field.tsx';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { en } from '../shared/i18n/en.ts';
import { sv } from '../shared/i18n/sv.ts';
import { ImportErrorTable } from '../shared/ui/import-error-table.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { type ImportResult, useImportPeople } from './api/import-people.ts';

export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = useFormErrors();
  const importPeople = useImportPeople();

  async function submit() {
    if (importPeople.isPending) return;
    setResult(null);
    setRowErrors([]);
    setFailure(null);
    if (!file) {
      errors.reject('file', { sv: sv.import.chooseFile, en: en.import.chooseFile });
      return;
    }
    errors.clear();
    const csv = await file.text();
    importPeople.mutate(csv, {
      onSuccess: setResult,
      onError: (error) => {
        setFailure(error);
        setRowErrors(isProblemError(error) ? error.fieldErrors : []);
        document.getElementById('import-outcome')?.focus();
      },
    });
  }

  return (
    <>
      <PageHeader title={t('import.title')} intro={t('import.intro')} />
      <section aria-labelledby="import-columns-title" className="panel">
        <h2 id="import-columns-title">{t('import.columnsTitle')}</h2>
        <p>{t('import.columnsIntro')}</p>
        <pre className="code-block">
          <code>{peopleImportColumns.join(',')}</code>
        </pre>
        <p>{t('import.columnsHelp')}</p>
      </section>
      <section aria-labelledby="import-upload-title" className="panel">
        <h2 id="import-upload-title">{t('import.upload')}</h2>
        <Form id="import" errors={errors} onSubmit={() => void submit()} labelledBy="import-upload-title">
          <FileField
            name="file"
            label={t('import.file')}
            hint={t('import.fileHint')}
            accept=".csv,text/csv"
            onChange={setFile}
          />
          <SubmitButton isPending={importPeople.isPending} pendingLabel={t('import.uploading')}>
            {t('import.upload')}
          </SubmitButton>
        </Form>
        {importPeople.isPending && (
          <div className="import-progress">
            <label htmlFor="import-progress">{t('import.progress')}</label>
            <progress id="import-progress" />
          </div>
        )}
        <div id="import-outcome" tabIndex={-1}>
          <StatusMessage>{result && t('import.success', { units: result.units, people: result.people })}</StatusMessage>
          {Boolean(failure) && <ProblemAlert error={failure} />}
          {rowErrors.length > 0 && <ImportErrorTable errors={rowErrors} />}
        </div>
      </section>
    </>
  );
}
