import { bulkCompletionInputSchema, stockholmDate } from '@varn/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useCourse } from './api/get-course.ts';
import { useRecordCompletions } from './api/record-completions.ts';
import { ChosenPeopleField, noPeopleFilters, PeopleFilterFields } from './people-choice.tsx';
import './training.css';

/**
 * Completions from a paper attendance list: the people ticked (from a unit, or found by name) and the
 * day. All are saved or none (a person outside the planner's scope fails the whole list).
 */
export function BulkCompletionPage() {
  const { t } = useTranslation();
  const courseId = useParams().courseId as string;
  const course = useCourse(courseId);
  const titleId = useId();
  const errors = useFormErrors();
  const record = useRecordCompletions(courseId);
  const [filters, setFilters] = useState(noPeopleFilters);
  const [chosen, setChosen] = useState<string[]>([]);
  const [completedOn, setCompletedOn] = useState(() => stockholmDate());
  const [confirmation, setConfirmation] = useState('');
  function submit() {
    if (record.isPending) return;
    setConfirmation('');
    const input = errors.validate(bulkCompletionInputSchema, { personIds: chosen, completedOn });
    if (!input) return;
    record.mutate(input, {
      onSuccess: (result) => {
        setChosen([]);
        setConfirmation(t('training.bulkSaved', { count: result.completions }));
      },
      onError: errors.fail,
    });
  }
  return (
    <>
      <PageHeader
        title={t('training.bulkTitle', { course: course.data?.name ?? '' })}
        intro={t('training.bulkIntro')}
        actions={
          <Link className="button button--secondary" to={paths.trainingCourse(courseId)}>
            {t('training.backToCourse')}
          </Link>
        }
      />
      <section aria-labelledby={titleId} className="panel">
        <h2 id={titleId}>{t('training.bulkFormTitle')}</h2>
        <StatusMessage>{confirmation}</StatusMessage>
        <PeopleFilterFields filters={filters} onChange={setFilters} />
        <Form id="bulk-completion" errors={errors} onSubmit={submit} labelledBy={titleId}>
          <ChosenPeopleField
            name="personIds"
            legend={t('training.bulkLegend')}
            filters={filters}
            chosen={chosen}
            onChange={setChosen}
          />
          <TextField
            name="completedOn"
            type="date"
            label={t('training.bulkCompletedOn')}
            value={completedOn}
            onChange={setCompletedOn}
          />
          <SubmitButton isPending={record.isPending} pendingLabel={t('common.saving')}>
            {t('training.bulkSubmit')}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
