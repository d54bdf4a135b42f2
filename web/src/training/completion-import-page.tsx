import { completionImportColumns } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FileField } from '../shared/forms/file-field.tsx';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { useCsvImport } from '../shared/forms/use-csv-import.ts';
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
  const importCompletions = useImportCompletions(courseId);
  const { errors, setFile, result, rowErrors, failure, submit } = useCsvImport(
    importCompletions,
    'completion-import-outcome',
  );

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
          <StatusMessage>{result && t('training.importSuccess', { count: result.completions })}</StatusMessage>
          {Boolean(failure) && <ProblemAlert error={failure} />}
          {rowErrors.length > 0 && <ImportErrorTable errors={rowErrors} />}
        </div>
      </section>
    </>
  );
}
