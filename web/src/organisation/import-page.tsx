import { peopleImportColumns } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { FileField } from '../shared/forms/file-field.tsx';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { useCsvImport } from '../shared/forms/use-csv-import.ts';
import { ImportErrorTable } from '../shared/ui/import-error-table.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useImportPeople } from './api/import-people.ts';

export function ImportPage() {
  const { t } = useTranslation();
  const importPeople = useImportPeople();
  const { errors, setFile, result, rowErrors, failure, submit } = useCsvImport(importPeople, 'import-outcome');

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
