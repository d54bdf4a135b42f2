import { type Course, type CourseInput, courseInputSchema, officialCategories, type Role, roles } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../shared/forms/checkbox-field.tsx';
import { CheckboxGroupField } from '../shared/forms/choice-fields.tsx';
import { RecordForm, type RecordFormProps } from '../shared/forms/record-form.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormValues } from '../shared/forms/use-form-values.ts';
import { useUnits } from './api/get-units.ts';

type OfficialCategory = (typeof officialCategories)[number];

type CourseFormValues = {
  name: string;
  description: string;
  validityMonths: string;
  orgUnitIds: string[];
  roles: Role[];
  officialCategories: OfficialCategory[];
  isProgrammeTraining: boolean;
};

/** The form's values of a course, or of a new one (renewed every 24 months, for nobody yet). */
function valuesOf(course: Course | undefined): CourseFormValues {
  return {
    name: course?.name ?? '',
    description: course?.description ?? '',
    validityMonths: course ? (course.validityMonths?.toString() ?? '') : '24',
    orgUnitIds: course?.targetGroup.orgUnitIds ?? [],
    roles: course?.targetGroup.roles ?? [],
    officialCategories: course?.targetGroup.officialCategories ?? [],
    isProgrammeTraining: course?.isProgrammeTraining ?? false,
  };
}

/**
 * A course's name, validity and target-group rules (units with their subtrees, roles, official
 * categories), new or changed. Units the planner cannot read stay in the rules untouched.
 */
export function CourseForm({ course, ...form }: RecordFormProps<CourseInput> & { course?: Course }) {
  const { t } = useTranslation();
  const units = useUnits(true);
  const { values, set, reset } = useFormValues(valuesOf(course));
  const shownUnitIds = new Set((units.data ?? []).map((unit) => unit.id));
  // An empty validity means the course never expires.
  const input = {
    name: values.name,
    description: values.description,
    validityMonths: values.validityMonths.trim() === '' ? null : Number(values.validityMonths),
    targetGroup: {
      orgUnitIds: values.orgUnitIds,
      roles: values.roles,
      officialCategories: values.officialCategories,
    },
    isProgrammeTraining: values.isProgrammeTraining,
  };
  return (
    <RecordForm schema={courseInputSchema} input={input} reset={reset} {...form}>
      <TextField name="name" label={t('training.courseName')} value={values.name} onChange={set('name')} />
      <TextAreaField
        name="description"
        label={t('training.description')}
        optional
        rows={3}
        value={values.description}
        onChange={set('description')}
      />
      <TextField
        name="validityMonths"
        label={t('training.validityMonths')}
        hint={t('training.validityHint')}
        inputMode="numeric"
        optional
        value={values.validityMonths}
        onChange={set('validityMonths')}
      />
      <CheckboxGroupField
        name="targetGroup.orgUnitIds"
        legend={t('training.targetUnits')}
        hint={t('training.targetUnitHint')}
        optional={t('common.optional')}
        values={values.orgUnitIds.filter((id) => shownUnitIds.has(id))}
        options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
        onChange={(chosen) =>
          set('orgUnitIds')([...values.orgUnitIds.filter((id) => !shownUnitIds.has(id)), ...chosen])
        }
      />
      <CheckboxGroupField
        name="targetGroup.roles"
        legend={t('training.targetRoles')}
        optional={t('common.optional')}
        values={values.roles}
        options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        onChange={set('roles')}
      />
      <CheckboxGroupField
        name="targetGroup.officialCategories"
        legend={t('training.targetCategories')}
        optional={t('common.optional')}
        values={values.officialCategories}
        options={officialCategories.map((category) => ({
          value: category,
          label: t(`officialCategories.${category}`),
        }))}
        onChange={set('officialCategories')}
      />
      <CheckboxField
        name="isProgrammeTraining"
        label={t('training.isProgrammeTraining')}
        hint={t('training.isProgrammeTrainingHint')}
        checked={values.isProgrammeTraining}
        onChange={set('isProgrammeTraining')}
      />
    </RecordForm>
  );
}
