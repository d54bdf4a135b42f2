import type { Course, CourseInput } from '@varn/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useCourse } from './api/get-course.ts';
import { useUpdateCourse } from './api/update-course.ts';
import { CourseForm } from './course-form.tsx';

/** Changing a course: name, validity (for completions from now on) and the target group's rules. */
export function CourseEditPage() {
  const { t } = useTranslation();
  const courseId = useParams().courseId as string;
  const course = useCourse(courseId);
  if (course.isPending) return <Loading />;
  if (course.isError) return <ProblemAlert error={course.error} />;
  return (
    <>
      <PageHeader title={t('training.editTitle', { course: course.data.name })} intro={t('training.editIntro')} />
      <EditCourse course={course.data} />
    </>
  );
}

function EditCourse({ course }: { course: Course }) {
  const { t } = useTranslation();
  const titleId = useId();
  const errors = useFormErrors();
  const update = useUpdateCourse(course.id);
  const navigate = useNavigate();
  const toCourse = () => navigate(paths.trainingCourse(course.id));
  function submit(valid: CourseInput) {
    update.mutate(valid, { onSuccess: toCourse, onError: errors.fail });
  }
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('training.editFormTitle')}</h2>
      <CourseForm
        id="edit-course"
        course={course}
        labelledBy={titleId}
        errors={errors}
        isPending={update.isPending}
        submitLabel={t('common.save')}
        onSubmit={submit}
        onCancel={toCourse}
      />
    </section>
  );
}
