import { enrolmentInputSchema, type OccasionDetail } from '@varn/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CheckboxField } from '../shared/forms/checkbox-field.tsx';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useEnrolPeople } from './api/enrol-people.ts';
import { useOccasion } from './api/get-occasion.ts';
import { useRecordAttendance } from './api/record-attendance.ts';
import { ChosenPeopleField, noPeopleFilters, PeopleFilterFields } from './people-choice.tsx';
import './training.css';

/** An occasion's attendance list: tick who came; they complete the course on the occasion's day. */
export function OccasionPage() {
  const { t } = useTranslation();
  const occasionId = useParams().occasionId as string;
  const occasion = useOccasion(occasionId);
  if (occasion.isPending) return <Loading />;
  if (occasion.isError) return <ProblemAlert error={occasion.error} />;
  return (
    <>
      <PageHeader
        title={t('training.occasionTitle', { when: formatDateTime(occasion.data.startsAt) })}
        intro={occasion.data.place}
        actions={
          <Link className="button button--secondary" to={paths.trainingCourse(occasion.data.courseId)}>
            {t('training.backToCourse')}
          </Link>
        }
      />
      <AttendanceList key={occasion.data.id} occasion={occasion.data} />
      <EnrolPeople key={`enrol-${occasion.data.id}`} occasion={occasion.data} />
    </>
  );
}

function AttendanceList({ occasion }: { occasion: OccasionDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const errors = useFormErrors();
  const record = useRecordAttendance(occasion.id);
  const [confirmation, setConfirmation] = useState('');
  const [attended, setAttended] = useState<ReadonlySet<string>>(
    () => new Set(occasion.participants.filter((person) => person.hasAttended).map((person) => person.personId)),
  );
  function toggle(personId: string, isTicked: boolean) {
    setAttended((current) => {
      const next = new Set(current);
      if (isTicked) next.add(personId);
      else next.delete(personId);
      return next;
    });
  }
  function submit() {
    if (record.isPending) return;
    setConfirmation('');
    record.mutate([...attended], {
      onSuccess: (result) => setConfirmation(t('training.attendanceSaved', { count: result.completions })),
      onError: errors.fail,
    });
  }
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('training.attendanceTitle')}</h2>
      <StatusMessage>{confirmation}</StatusMessage>
      {occasion.participants.length === 0 ? (
        <p>{t('training.noParticipants')}</p>
      ) : (
        <Form id="attendance" errors={errors} onSubmit={submit} labelledBy={titleId}>
          <fieldset className="attendance-list">
            <legend>{t('training.attendedLegend', { count: occasion.participants.length })}</legend>
            {occasion.participants.map((person) => (
              <CheckboxField
                key={person.personId}
                name={`attended.${person.personId}`}
                label={person.name}
                checked={attended.has(person.personId)}
                onChange={(isTicked) => toggle(person.personId, isTicked)}
              />
            ))}
          </fieldset>
          <SubmitButton isPending={record.isPending} pendingLabel={t('training.savingAttendance')}>
            {t('training.saveAttendance')}
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}

/** Enrols more people on the occasion, up to its places: all the chosen, or none when they do not fit. */
function EnrolPeople({ occasion }: { occasion: OccasionDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const errors = useFormErrors();
  const enrol = useEnrolPeople(occasion.id);
  const [filters, setFilters] = useState(noPeopleFilters);
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirmation, setConfirmation] = useState('');
  const places = occasion.capacity - occasion.enrolledCount;
  function submit() {
    if (enrol.isPending) return;
    setConfirmation('');
    const input = errors.validate(enrolmentInputSchema, { personIds: chosen });
    if (!input) return;
    const { personIds } = input;
    enrol.mutate(personIds, {
      onSuccess: () => {
        setChosen([]);
        setConfirmation(t('training.enrolled', { count: personIds.length }));
      },
      onError: errors.fail,
    });
  }
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('training.enrolTitle')}</h2>
      <p>{t('training.placesLeft', { count: Math.max(places, 0) })}</p>
      <StatusMessage>{confirmation}</StatusMessage>
      <PeopleFilterFields filters={filters} onChange={setFilters} />
      <Form id="enrolment" errors={errors} onSubmit={submit} labelledBy={titleId}>
        <ChosenPeopleField
          name="personIds"
          legend={t('training.enrolLegend')}
          filters={filters}
          chosen={chosen}
          onChange={setChosen}
          excluded={new Set(occasion.participants.map((person) => person.personId))}
        />
        <SubmitButton isPending={enrol.isPending} pendingLabel={t('common.saving')}>
          {t('training.enrolSubmit')}
        </SubmitButton>
      </Form>
    </section>
  );
}
