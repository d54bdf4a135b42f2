import type { CorrectableField, Incident } from '@varn/domain';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useHasPermission, useSession } from '../shared/session/session-context.tsx';
import { formatDate, formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useIncident } from './api/get-incident.ts';
import { useSite } from './api/get-site.ts';
import { CorrectionNotes } from './correction-notes.tsx';
import { IncidentAttachments } from './incident-attachments.tsx';
import { StatusBadge, useIncidentTitle } from './incident-labels.tsx';
import { IncidentNotices } from './incident-notices.tsx';
import { CommentForm, CorrectionForm } from './incident-participation.tsx';
import { IncidentTimeline } from './incident-timeline.tsx';
import { IncidentWorkflow } from './incident-workflow.tsx';
import { InvestigationSection } from './investigation-section.tsx';
import { consequenceFlags } from './report-values.ts';
import './incidents.css';
import './follow-up.css';
import { Facts } from '../shared/ui/facts.tsx';

/** What the page shows of another feature about the incident (its measures); app/ fills it in. */
export type IncidentSlot = ComponentType<{ incident: Incident; canHandle: boolean }>;

/**
 * One incident in readable Swedish, its attachments, its timeline, and for handlers the next steps of
 * the workflow.
 */
export function IncidentPage({ measures: Measures }: { measures: IncidentSlot }) {
  const { t } = useTranslation();
  const { incidentId = '' } = useParams();
  const location = useLocation();
  const incident = useIncident(incidentId);
  const titleOf = useIncidentTitle();
  const canHandle = useHasPermission('incidents.handle');
  const { personId } = useSession();
  const state = location.state as { listSearch?: string } | null;

  // The back link and heading keep their place while loading, so focus on the heading survives.
  return (
    <>
      <p className="back-link">
        <Link to={{ pathname: paths.incidents, search: state?.listSearch ?? '' }}>{t('incidents.detail.back')}</Link>
      </p>
      <PageHeader
        title={
          incident.data
            ? titleOf(incident.data)
            : incident.isError
              ? t('incidents.detail.notFound')
              : t('incidents.detail.title')
        }
        intro={incident.data ? formatDateTime(incident.data.occurredAt) : undefined}
      />
      {incident.isPending && <Loading />}
      {incident.isError && <ProblemAlert error={incident.error} />}
      {incident.data && (
        <>
          <IncidentOverview incident={incident.data} />
          <IncidentAttachments incident={incident.data} />
          {canHandle && <IncidentWorkflow incident={incident.data} />}
          <InvestigationSection incident={incident.data} canHandle={canHandle} />
          <Measures incident={incident.data} canHandle={canHandle} />
          <IncidentNotices incident={incident.data} canHandle={canHandle} />
          <IncidentTimeline
            timeline={incident.data.timeline}
            names={{ reporter: incident.data.reporter.name, registeredBy: incident.data.registeredBy?.name ?? null }}
          />
          {(canHandle || incident.data.reporter.personId === personId) && (
            <>
              <CommentForm incident={incident.data} />
              <CorrectionForm incident={incident.data} />
            </>
          )}
          <IncidentDetails incident={incident.data} />
        </>
      )}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function useYesNo() {
  const { t } = useTranslation();
  return (value: boolean) => (value ? t('common.yes') : t('common.no'));
}

function PlaceText({ place }: { place: Incident['place'] }) {
  const { t } = useTranslation();
  const canReadSites = useHasPermission('sites.read');
  const site = useSite(place.kind === 'site' ? place.siteId : null, canReadSites);
  if (place.kind === 'free') return place.description;
  return site.data?.name ?? t('incidents.detail.registeredSite');
}

function IncidentOverview({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const yesNo = useYesNo();
  // The original value, and beside it every correction appended to that field.
  const corrected = (field: CorrectableField, value: ReactNode) => (
    <>
      {value}
      <CorrectionNotes corrections={incident.corrections} fields={[field]} />
    </>
  );
  return (
    <Section id="incident-overview-title" title={t('incidents.detail.overview')}>
      <Facts
        facts={[
          [t('incidents.detail.status'), <StatusBadge key="status" status={incident.status} isLabelled />],
          [t('incidents.detail.kind'), corrected('kind', t(`incidents.kinds.${incident.kind}`))],
          [
            t('incidents.detail.types'),
            corrected('types', incident.types.map((type) => t(`incidents.types.${type}`)).join(', ')),
          ],
          [
            t('incidents.detail.occurredAt'),
            corrected(
              'occurredAt',
              <>
                <time dateTime={incident.occurredAt}>{formatDateTime(incident.occurredAt)}</time>
                {incident.isOutsideWorkingHours && ` (${t('incidents.detail.outsideWorkingHours')})`}
              </>,
            ),
          ],
          [t('incidents.detail.place'), corrected('place', <PlaceText key="place" place={incident.place} />)],
          [t('incidents.detail.context'), corrected('context', t(`incidents.contexts.${incident.context}`))],
          ...(incident.channel || incident.corrections.some((correction) => correction.field === 'channel')
            ? [
                [
                  t('incidents.detail.channel'),
                  corrected('channel', incident.channel ? t(`incidents.channels.${incident.channel}`) : ''),
                ] as [string, ReactNode],
              ]
            : []),
          [t('incidents.detail.reporter'), incident.reporter.name],
          [t('incidents.detail.isSerious'), yesNo(incident.isSerious)],
        ]}
      />
      <h3>{t('incidents.detail.description')}</h3>
      <p className="incident-description">{incident.description}</p>
      <CorrectionNotes corrections={incident.corrections} fields={['description']} />
    </Section>
  );
}

function IncidentDetails({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const yesNo = useYesNo();
  const notSet = t('common.notSet');
  const { consequences, personOfConcern: concern, policeReport: police, crisisSupport } = incident;
  const injuries = consequenceFlags.filter((flag) => consequences[flag]);

  return (
    <>
      <Section id="incident-consequences-title" title={t('incidents.detail.consequences')}>
        <CorrectionNotes corrections={incident.corrections} fields={['consequences', 'affected']} />
        <Facts
          facts={[
            [
              t('incidents.detail.injuries'),
              injuries.length > 0
                ? injuries.map((flag) => t(`incidents.consequences.${flag}`)).join(', ')
                : t('incidents.detail.noInjuries'),
            ],
            [
              t('incidents.detail.sickLeaveDays'),
              consequences.sickLeaveDays === null
                ? notSet
                : t('incidents.detail.days', { count: consequences.sickLeaveDays }),
            ],
            [t('incidents.detail.isReporterAffected'), yesNo(incident.isReporterAffected)],
            [t('incidents.detail.otherAffectedCount'), String(incident.otherAffectedCount)],
            [t('incidents.detail.isWeaponInvolved'), yesNo(incident.isWeaponInvolved)],
            [t('incidents.detail.isThreatToLife'), yesNo(incident.isThreatToLife)],
          ]}
        />
      </Section>

      <Section id="incident-concern-title" title={t('incidents.detail.personOfConcern')}>
        {incident.isPersonOfConcernWithheld ? (
          <p>{t('incidents.detail.personOfConcernWithheld')}</p>
        ) : concern === null ? (
          <p>{t('incidents.detail.noPersonOfConcern')}</p>
        ) : (
          <Facts
            facts={[
              [t('incidents.detail.concernIsKnown'), yesNo(concern.isKnown)],
              [t('incidents.detail.concernRelation'), t(`incidents.relations.${concern.relation}`)],
              [t('incidents.detail.gangCrimeLink'), t(`incidents.links.${concern.gangCrimeLink}`)],
              [t('incidents.detail.violentExtremismLink'), t(`incidents.links.${concern.violentExtremismLink}`)],
              [t('incidents.detail.concernDescription'), concern.description || notSet],
            ]}
          />
        )}
      </Section>

      <Section id="incident-police-title" title={t('incidents.detail.policeReport')}>
        <CorrectionNotes corrections={incident.corrections} fields={['policeReport']} />
        {police === null ? (
          <p>{t('incidents.detail.noPoliceReport')}</p>
        ) : (
          <Facts
            facts={[
              [t('incidents.detail.policeStatus'), t(`incidents.policeStatuses.${police.status}`)],
              [
                t('incidents.detail.policeReportedBy'),
                police.reportedBy ? t(`incidents.policeReporters.${police.reportedBy}`) : notSet,
              ],
              [t('incidents.detail.policeReportedOn'), police.reportedOn ? formatDate(police.reportedOn) : notSet],
              [t('incidents.detail.policeReferenceNumber'), police.referenceNumber ?? notSet],
              ...(police.reasonNotMade
                ? [[t('incidents.detail.policeReasonNotMade'), police.reasonNotMade] as [string, string]]
                : []),
              [t('incidents.detail.isPoliceHelpOffered'), yesNo(police.isHelpOffered)],
            ]}
          />
        )}
      </Section>

      <Section id="incident-support-title" title={t('incidents.detail.support')}>
        <CorrectionNotes corrections={incident.corrections} fields={['crisisSupport']} />
        <Facts
          facts={[
            [t('incidents.detail.crisisSupport'), t(`incidents.crisisSupportStatuses.${crisisSupport.status}`)],
            [t('incidents.detail.isOccupationalHealthContacted'), yesNo(crisisSupport.isOccupationalHealthContacted)],
          ]}
        />
      </Section>
    </>
  );
}
