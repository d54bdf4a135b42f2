import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useEnrolmentCandidates, useEnrolOfficial, useOfficials } from './api/protection-programme.ts';
import { DueDate, OptionalDate, TrainingDate } from './due-badge.tsx';
import './protection-programme.css';

/**
 * "Skyddsprogram": the enrolled specially remunerated officials with instruction, training and
 * conversations. The security department sees all and enrols; a party office sees its own officials.
 */
export function ProgrammePage() {
  const { t } = useTranslation();
  const canManage = useHasPermission('protection_programme.manage');
  const canFollowUp = useHasPermission('protection_programme.follow_up');
  const officials = useOfficials();
  const items = officials.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('protectionProgramme.title')}
        intro={t('protectionProgramme.intro')}
        actions={
          canFollowUp && (
            <Link className="button" to={paths.programmeFollowUp}>
              {t('protectionProgramme.followUp.title')}
            </Link>
          )
        }
      />
      {canManage && <EnrolForm />}
      <section aria-labelledby="programme-officials-title" className="panel">
        <h2 id="programme-officials-title">{t('protectionProgramme.officials')}</h2>
        {officials.isPending && <Loading />}
        {officials.isError && <ProblemAlert error={officials.error} />}
        {officials.isSuccess && items.length === 0 && <p>{t('protectionProgramme.none')}</p>}
        {items.length > 0 && (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          <section className="table-scroll" aria-labelledby="programme-officials-title" tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">{t('protectionProgramme.officials')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('protectionProgramme.name')}</th>
                  <th scope="col">{t('protectionProgramme.party')}</th>
                  <th scope="col">{t('protectionProgramme.instruction')}</th>
                  <th scope="col">{t('protectionProgramme.training')}</th>
                  <th scope="col">{t('protectionProgramme.lastConversation')}</th>
                  <th scope="col">{t('protectionProgramme.nextConversation')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((official) => (
                  <tr key={official.id}>
                    <th scope="row">
                      <Link to={paths.programmeOfficial(official.id)}>{official.name}</Link>
                    </th>
                    <td>{official.partyAbbreviation ?? '–'}</td>
                    <td>
                      <OptionalDate date={official.instructionReadOn} />
                    </td>
                    <td>
                      <TrainingDate official={official} />
                    </td>
                    <td>
                      <OptionalDate date={official.lastConversationHeldOn} />
                    </td>
                    <td>
                      <DueDate date={official.nextConversationDueOn} isDue={official.isConversationDue} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
    </>
  );
}

function EnrolForm() {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const candidates = useEnrolmentCandidates(true);
  const enrol = useEnrolOfficial();
  const [personId, setPersonId] = useState('');
  const [isSaved, setIsSaved] = useState(false);
  const options = (candidates.data?.items ?? []).map((candidate) => ({
    value: candidate.personId,
    label: candidate.partyAbbreviation ? `${candidate.name} (${candidate.partyAbbreviation})` : candidate.name,
  }));

  function submit() {
    if (enrol.isPending || !personId) return;
    setIsSaved(false);
    enrol.mutate(personId, {
      onSuccess: () => {
        setPersonId('');
        setIsSaved(true);
      },
      onError: errors.fail,
    });
  }

  return (
    <section aria-labelledby="programme-enrol-title" className="panel">
      <h2 id="programme-enrol-title">{t('protectionProgramme.enrol.title')}</h2>
      <p>{t('protectionProgramme.enrol.intro')}</p>
      <StatusMessage>{isSaved && t('protectionProgramme.enrol.saved')}</StatusMessage>
      <Form id="programme-enrol" errors={errors} onSubmit={submit} labelledBy="programme-enrol-title">
        <SelectField
          name="personId"
          label={t('protectionProgramme.enrol.official')}
          value={personId}
          onChange={setPersonId}
          options={[{ value: '', label: t('protectionProgramme.enrol.choose') }, ...options]}
        />
        <div className="form__actions">
          <SubmitButton isPending={enrol.isPending} pendingLabel={t('common.saving')}>
            {t('protectionProgramme.enrol.submit')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
