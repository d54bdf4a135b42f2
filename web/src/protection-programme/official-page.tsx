import type { Enrolment } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useOfficial } from './api/protection-programme.ts';
import { DueDate, OptionalDate, TrainingDate } from './due-badge.tsx';
import { ConversationForm, StatusForm, SupportForm } from './official-forms.tsx';
import './protection-programme.css';

/** One official's programme: the ticks, the conversations (notes for the security department) and the support. */
export function OfficialPage() {
  const { t } = useTranslation();
  const { enrolmentId = '' } = useParams();
  const official = useOfficial(enrolmentId);
  const canManage = useHasPermission('protection_programme.manage');
  if (official.isPending) return <Loading />;
  if (official.isError) return <ProblemAlert error={official.error} />;
  const enrolment = official.data;
  return (
    <>
      <PageHeader
        title={enrolment.name}
        intro={enrolment.title ?? undefined}
        actions={<Link to={paths.protectionProgramme}>{t('protectionProgramme.backToList')}</Link>}
      />
      <Summary enrolment={enrolment} />
      {canManage && <StatusForm enrolment={enrolment} />}
      <Conversations enrolment={enrolment} canManage={canManage} />
      {enrolment.support && <Support enrolment={enrolment} canManage={canManage} />}
    </>
  );
}

function Summary({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="official-summary-title" className="panel">
      <h2 id="official-summary-title">{t('protectionProgramme.summary')}</h2>
      <dl className="details">
        <dt>{t('protectionProgramme.party')}</dt>
        <dd>{enrolment.partyAbbreviation ?? '–'}</dd>
        <dt>{t('protectionProgramme.securityContact')}</dt>
        <dd>{enrolment.securityContactName ?? '–'}</dd>
        <dt>{t('protectionProgramme.enrolledOn')}</dt>
        <dd>{formatDate(enrolment.enrolledOn)}</dd>
        <dt>{t('protectionProgramme.instruction')}</dt>
        <dd>
          <OptionalDate date={enrolment.instructionReadOn} />
        </dd>
        <dt>{t('protectionProgramme.training')}</dt>
        <dd>
          <TrainingDate official={enrolment} />
        </dd>
        <dt>{t('protectionProgramme.lastConversation')}</dt>
        <dd>
          <OptionalDate date={enrolment.lastConversationHeldOn} />
        </dd>
        <dt>{t('protectionProgramme.nextConversation')}</dt>
        <dd data-testid="next-conversation">
          <DueDate date={enrolment.nextConversationDueOn} isDue={enrolment.isConversationDue} />
        </dd>
      </dl>
    </section>
  );
}

function Conversations({ enrolment, canManage }: { enrolment: Enrolment; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="official-conversations-title" className="panel">
      <h2 id="official-conversations-title">{t('protectionProgramme.conversations.title')}</h2>
      {enrolment.conversations.length === 0 ? (
        <p>{t('protectionProgramme.conversations.none')}</p>
      ) : (
        <ul className="plain-list">
          {enrolment.conversations.map((conversation) => (
            <li key={conversation.id}>
              <strong>
                {conversation.heldOn
                  ? t('protectionProgramme.conversations.held', {
                      date: formatDate(conversation.heldOn),
                      by: conversation.heldBy,
                    })
                  : t('protectionProgramme.conversations.offered', { date: formatDate(conversation.offeredOn) })}
              </strong>
              {conversation.notes && <p>{conversation.notes}</p>}
            </li>
          ))}
        </ul>
      )}
      {canManage && <ConversationForm enrolmentId={enrolment.id} />}
    </section>
  );
}

function Support({ enrolment, canManage }: { enrolment: Enrolment; canManage: boolean }) {
  const { t } = useTranslation();
  const support = enrolment.support ?? [];
  return (
    <section aria-labelledby="official-support-title" className="panel">
      <h2 id="official-support-title">{t('protectionProgramme.support.title')}</h2>
      {support.length === 0 ? (
        <p>{t('protectionProgramme.support.none')}</p>
      ) : (
        <ul className="plain-list">
          {support.map((item) => (
            <li key={item.id}>
              <strong>{t(`protectionProgramme.supportKinds.${item.kind}`)}</strong>{' '}
              <span className="badge">{t(`protectionProgramme.supportStatuses.${item.status}`)}</span>
              <p className="card__meta">
                {formatDate(item.startedOn)}
                {item.endedOn && ` – ${formatDate(item.endedOn)}`}
                {item.alarmCentreReference &&
                  ` · ${t('protectionProgramme.support.reference', { reference: item.alarmCentreReference })}`}
              </p>
              {item.description && <p>{item.description}</p>}
            </li>
          ))}
        </ul>
      )}
      {canManage && <SupportForm enrolmentId={enrolment.id} />}
    </section>
  );
}
