import { type CourseInput, courseInputSchema } from '@varn/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckboxField } from '../shared/forms/checkbox-field.tsx';
import { RecordForm } from '../shared/forms/record-form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useFormValues } from '../shared/forms/use-form-values.ts';
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
import { useUnits } from './api/get-units.ts';

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

type CourseFormValues = {
  name: string;
  validityMonths: string;
  orgUnitId: string;
  specially_remunerated: boolean;
  leisure: boolean;
};
const emptyCourse: CourseFormValues = {
  name: '',
  validityMonths: '24',
  orgUnitId: '',
  specially_remunerated: false,
  leisure: false,
};

function NewCourse() {
  const { t } = useTranslation();
  const titleId = useId();
  const errors = useFormErrors();
  const create = useCreateCourse();
  const units = useUnits(true);
  const [created, setCreated] = useState('');
  const { values, set, reset } = useFormValues(emptyCourse);
  // The form's values as the domain input; an empty validity means the course never expires.
  const input = {
    name: values.name,
    validityMonths: values.validityMonths.trim() === '' ? null : Number(values.validityMonths),
    targetGroup: {
      orgUnitIds: values.orgUnitId ? [values.orgUnitId] : [],
      roles: [],
      officialCategories: (['specially_remunerated', 'leisure'] as const).filter((category) => values[category]),
    },
  };
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
      <RecordForm
        id="new-course"
        labelledBy={titleId}
        errors={errors}
        isPending={create.isPending}
        submitLabel={t('training.createCourse')}
        onSubmit={submit}
        schema={courseInputSchema}
        input={input}
        reset={reset}
      >
        <TextField name="name" label={t('training.courseName')} value={values.name} onChange={set('name')} />
        <TextField
          name="validityMonths"
          label={t('training.validityMonths')}
          hint={t('training.validityHint')}
          inputMode="numeric"
          optional
          value={values.validityMonths}
          onChange={set('validityMonths')}
        />
        <SelectField
          name="targetGroup.orgUnitIds"
          label={t('training.targetUnit')}
          hint={t('training.targetUnitHint')}
          optional
          value={values.orgUnitId}
          options={[
            { value: '', label: t('common.noneSelected') },
            ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
          onChange={set('orgUnitId')}
        />
        <CheckboxField
          name="targetGroup.officialCategories.specially"
          label={t('training.targetSpeciallyRemunerated')}
          checked={values.specially_remunerated}
          onChange={set('specially_remunerated')}
        />
        <CheckboxField
          name="targetGroup.officialCategories.leisure"
          label={t('training.targetLeisure')}
          checked={values.leisure}
          onChange={set('leisure')}
        />
      </RecordForm>
    </section>
  );
}
