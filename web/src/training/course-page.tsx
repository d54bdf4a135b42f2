import { type OccasionInput, occasionInputSchema } from '@varn/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RecordForm } from '../shared/forms/record-form.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useFormValues } from '../shared/forms/use-form-values.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { stockholmInputValueToIso } from '../shared/ui/stockholm-time.ts';
import { useCreateOccasion } from './api/create-occasion.ts';
import { useCourse } from './api/get-course.ts';
import { useOccasions } from './api/get-occasions.ts';

/** One course: its validity, its occasions, and (for planners) a new occasion and the CSV import. */
export function CoursePage() {
  const { t } = useTranslation();
  const courseId = useParams().courseId as string;
  const course = useCourse(courseId);
  const occasions = useOccasions(courseId);
  const mayManage = useHasPermission('training.manage');
  if (course.isPending) return <Loading />;
  if (course.isError) return <ProblemAlert error={course.error} />;
  return (
    <>
      <PageHeader
        title={course.data.name}
        intro={[
          course.data.validityMonths === null
            ? t('training.neverExpires')
            : t('training.validFor', { months: course.data.validityMonths }),
          course.data.isProgrammeTraining ? t('training.programmeTrainingNote') : '',
        ]
          .filter(Boolean)
          .join(' ')}
        actions={
          <>
            <Link className="button button--secondary" to={paths.trainingCoverageOf(courseId)}>
              {t('training.coverageLink')}
            </Link>
            {mayManage && (
              <>
                <Link className="button button--secondary" to={paths.trainingAttendanceList(courseId)}>
                  {t('training.bulkLink')}
                </Link>
                <Link className="button button--secondary" to={paths.trainingImport(courseId)}>
                  {t('training.importLink')}
                </Link>
                <Link className="button button--secondary" to={paths.trainingCourseEdit(courseId)}>
                  {t('training.editLink')}
                </Link>
              </>
            )}
          </>
        }
      />
      <section aria-labelledby="occasions-title">
        <h2 id="occasions-title">{t('training.occasionsTitle')}</h2>
        {occasions.isPending && <Loading />}
        {occasions.isError && <ProblemAlert error={occasions.error} />}
        {occasions.isSuccess && occasions.data.length === 0 && <p>{t('training.noOccasions')}</p>}
        {occasions.isSuccess && occasions.data.length > 0 && (
          <ul className="card-list">
            {occasions.data.map((occasion) => (
              <li key={occasion.id} className="card">
                <h3 className="card__title">
                  {mayManage ? (
                    <Link to={paths.trainingOccasion(occasion.id)}>
                      {formatDateTime(occasion.startsAt)}, {occasion.place}
                    </Link>
                  ) : (
                    `${formatDateTime(occasion.startsAt)}, ${occasion.place}`
                  )}
                </h3>
                <p>{t('training.enrolledOf', { enrolled: occasion.enrolledCount, capacity: occasion.capacity })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayManage && <NewOccasion courseId={courseId} />}
    </>
  );
}

const emptyOccasion = { startsAt: '', place: '', capacity: '20' };

function NewOccasion({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const errors = useFormErrors();
  const create = useCreateOccasion(courseId);
  const [created, setCreated] = useState('');
  const { values, set, reset } = useFormValues(emptyOccasion);
  const input = {
    startsAt: stockholmInputValueToIso(values.startsAt),
    place: values.place,
    capacity: Number(values.capacity),
  };
  function submit(valid: OccasionInput, resetForm: () => void) {
    setCreated('');
    create.mutate(valid, {
      onSuccess: () => {
        resetForm();
        setCreated(t('training.occasionCreated'));
      },
      onError: errors.fail,
    });
  }
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('training.newOccasion')}</h2>
      <StatusMessage>{created}</StatusMessage>
      <RecordForm
        id="new-occasion"
        labelledBy={titleId}
        errors={errors}
        isPending={create.isPending}
        submitLabel={t('training.createOccasion')}
        onSubmit={submit}
        schema={occasionInputSchema}
        input={input}
        reset={reset}
      >
        <TextField
          name="startsAt"
          type="datetime-local"
          label={t('training.startsAt')}
          value={values.startsAt}
          onChange={set('startsAt')}
        />
        <TextField name="place" label={t('training.place')} value={values.place} onChange={set('place')} />
        <TextField
          name="capacity"
          label={t('training.capacity')}
          inputMode="numeric"
          value={values.capacity}
          onChange={set('capacity')}
        />
      </RecordForm>
    </section>
  );
}
