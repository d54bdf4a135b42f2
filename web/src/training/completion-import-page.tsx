import { completionImportColumns, type FieldError } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isProblemError } from '../shared/api/problem-error.ts';
import { FileField } from '../shared/forms/file-field.tsx';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { en } from '../shared/i18n/en.ts';
import { sv } from '../shared/i18n/sv.ts';
import { paths } from '../shared/paths.ts';
import { ImportErrorTable } from '../shared/ui/import-error-table.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useCourse } from './api/get-course.ts';
import { useImportCompletions } from './api/import-completions.ts';

/** Completions of a course from an e-learning platform's CSV export: all rows or none. */
export function CompletionImportPage() {
  const { t } = useTranslation();
  const courseId = useParams().courseId as string;
  const course = useCourse(courseId);
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [rowErrors, setRowErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = useFormErrors();
  const importCompletions = useImportCompletions(courseId);

  async function submit() {
    if (importCompletions.isPending) return;
    setImported(null);
    setRowErrors([]);
    setFailure(null);
    if (!file) {
      errors.reject('file', { sv: sv.import.chooseFile, en: en.import.chooseFile });
      return;
    }
    errors.clear();
    importCompletions.mutate(await file.text(), {
      onSuccess: (result) => setImported(result.completions),
      onError: (error) => {
        setFailure(error);
        setRowErrors(isProblemError(error) ? error.fieldErrors : []);
        document.getElementById('completion-import-outcome')?.focus();
      },
    });
  }

  return (
    <>
      <PageHeader
        title={t('training.importTitle', { course: course.data?.name ?? '' })}
        intro={t('training.importIntro')}
        actions={
          <Link className="button button--secondary" to={paths.trainingCourse(courseId)}>
            {t('training.backToCourse')}
          </Link>
        }
      />
      <section aria-labelledby="completion-columns-title" className="panel">
        <h2 id="completion-columns-title">{t('import.columnsTitle')}</h2>
        <pre className="code-block">
          <code>{completionImportColumns.join(',')}</code>
        </pre>
        <p>{t('training.importColumnsHelp')}</p>
      </section>
      <section aria-labelledby="completion-upload-title" className="panel">
        <h2 id="completion-upload-title">{t('import.upload')}</h2>
        <Form
          id="completion-import"
          errors={errors}
          onSubmit={() => void submit()}
          labelledBy="completion-upload-title"
        >
          <FileField name="file" label={t('import.file')} accept=".csv,text/csv" onChange={setFile} />
          <SubmitButton isPending={importCompletions.isPending} pendingLabel={t('import.uploading')}>
            {t('import.upload')}
          </SubmitButton>
        </Form>
        <div id="completion-import-outcome" tabIndex={-1}>
          <StatusMessage>{imported !== null && t('training.importSuccess', { count: imported })}</StatusMessage>
          {Boolean(failure) && <ProblemAlert error={failure} />}
          {rowErrors.length > 0 && <ImportErrorTable errors={rowErrors} />}
        </div>
      </section>
    </>
  );
}
