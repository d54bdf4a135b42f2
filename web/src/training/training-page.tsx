import type { CourseInput } from '@varn/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useCreateCourse } from './api/create-course.ts';
import { type Course, useCourses } from './api/get-courses.ts';
import { useOwnCompletions } from './api/get-own-completions.ts';
import { CourseForm } from './course-form.tsx';

/** "Utbildning": the courses, their validity and target group; planners add courses here. */
export function TrainingPage() {
  const { t } = useTranslation();
  const courses = useCourses();
  const mayManage = useHasPermission('training.manage');
  return (
    <>
      <PageHeader
        title={t('training.title')}
        intro={t('training.intro')}
        actions={
          <Link className="button button--secondary" to={paths.trainingCoverage}>
            {t('training.coverageLink')}
          </Link>
        }
      />
      <section aria-labelledby="courses-title">
        <h2 id="courses-title">{t('training.coursesTitle')}</h2>
        {courses.isPending && <Loading />}
        {courses.isError && <ProblemAlert error={courses.error} />}
        {courses.isSuccess && courses.data.length === 0 && <p>{t('training.noCourses')}</p>}
        {courses.isSuccess && courses.data.length > 0 && (
          <ul className="card-list">
            {courses.data.map((course) => (
              <CourseCard key={course.id} course={course} />
            ))}
          </ul>
        )}
      </section>
      <OwnCompletions />
      {mayManage && <NewCourse />}
    </>
  );
}

function OwnCompletions() {
  const { t } = useTranslation();
  const completions = useOwnCompletions();
  return (
    <section aria-labelledby="own-completions-title">
      <h2 id="own-completions-title">{t('training.ownTitle')}</h2>
      {completions.isError && <ProblemAlert error={completions.error} />}
      {completions.isSuccess && completions.data.length === 0 && <p>{t('training.ownNone')}</p>}
      {completions.isSuccess && completions.data.length > 0 && (
        <ul className="card-list">
          {completions.data.map((completion) => (
            <li key={completion.id} className="card">
              <h3 className="card__title">{completion.courseName}</h3>
              <p>
                {t('training.completedOn', { date: formatDate(completion.completedOn) })}{' '}
                {completion.validUntil
                  ? t('training.validThrough', { date: formatDate(completion.validUntil) })
                  : t('training.neverExpires')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CourseCard({ course }: { course: Course }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <h3 className="card__title">
        <Link to={paths.trainingCourse(course.id)}>{course.name}</Link>
      </h3>
      <p>
        {course.validityMonths === null
          ? t('training.neverExpires')
          : t('training.validFor', { months: course.validityMonths })}
      </p>
    </li>
  );
}

function NewCourse() {
  const { t } = useTranslation();
  const titleId = useId();
  const errors = useFormErrors();
  const create = useCreateCourse();
  const [created, setCreated] = useState('');
  function submit(valid: CourseInput, resetForm: () => void) {
    setCreated('');
    create.mutate(valid, {
      onSuccess: (course) => {
        resetForm();
        setCreated(t('training.courseCreated', { name: course.name }));
      },
      onError: errors.fail,
    });
  }
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('training.newCourse')}</h2>
      <StatusMessage>{created}</StatusMessage>
      <CourseForm
        id="new-course"
        labelledBy={titleId}
        errors={errors}
        isPending={create.isPending}
        submitLabel={t('training.createCourse')}
        onSubmit={submit}
      />
    </section>
  );
}
