import type { CorrectableField, Incident, InvestigationField } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/ui/format-date.ts';

type TimelineEvent = Incident['timeline'][number];

type Names = { reporter: string; registeredBy: string | null };

/** What happened to the report, oldest first, as the server orders it. */
export function IncidentTimeline({ timeline, names }: { timeline: readonly TimelineEvent[]; names: Names }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="incident-timeline-title" className="panel">
      <h2 id="incident-timeline-title">{t('incidents.timeline.title')}</h2>
      <ol className="timeline">
        {timeline.map((event, index) => (
          // The events have no ids; their order never changes.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is append-only
          <li key={index} className="timeline__event">
            <p className="timeline__what">
              <EventText event={event} names={names} />
            </p>
            <p className="card__meta">
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
              {event.actorName && ` · ${event.actorName}`}
            </p>
            {event.text && <p className="timeline__comment">{event.text}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function EventText({ event, names }: { event: TimelineEvent; names: Names }) {
  const { t } = useTranslation();
  if (event.kind === 'reported' && names.registeredBy) {
    return t('incidents.timeline.reportedOnBehalf', { registrant: names.registeredBy, reporter: names.reporter });
  }
  if (event.kind === 'reported') return t('incidents.timeline.reported');
  if (event.kind === 'comment') return t('incidents.timeline.comment');
  if (event.kind === 'attachment_removed') return t('incidents.timeline.attachmentRemoved');
  if (event.kind === 'investigation_updated') {
    return t('followUp.timeline.investigation_updated', {
      fields: event.fields.map((field) => t(`followUp.investigation.${field as InvestigationField}`)).join(', '),
    });
  }
  if (event.kind === 'correction') {
    return t('followUp.timeline.correction', {
      fields: event.fields.map((field) => t(`followUp.corrections.fields.${field as CorrectableField}`)).join(', '),
    });
  }
  if (event.kind === 'measure_added' || event.kind === 'measure_status_changed') {
    const status = event.measureStatus ? t(`followUp.measures.statuses.${event.measureStatus}`) : '';
    return t(`followUp.timeline.${event.kind}`, { status });
  }
  if (event.kind === 'authority_notified' || event.kind === 'work_injury_reported') {
    return t(`followUp.timeline.${event.kind}`);
  }
  if (event.fromStatus && event.toStatus) {
    return t('incidents.timeline.statusChanged', {
      from: t(`incidents.statuses.${event.fromStatus}`),
      to: t(`incidents.statuses.${event.toStatus}`),
    });
  }
  return event.toStatus ? t(`incidents.statuses.${event.toStatus}`) : t('incidents.timeline.comment');
}
