import type { Incident, IncidentSummarySheet } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../shared/paths.ts';
import { formatDate, formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useSummarySheet } from './api/follow-up.ts';
import { useIncident } from './api/get-incident.ts';
import type { IncidentSlot } from './incident-page.tsx';
import { consequenceFlags } from './report-values.ts';
import './incident-summary.css';
import { Facts } from '../shared/ui/facts.tsx';

/**
 * The fields Arbetsmiljöverket's "Anmälan av allvarlig olycka/tillbud" and Försäkringskassan's
 * "Anmälan om arbetsskada" ask for, from what the case holds, so nobody types the case twice.
 * Only what the reader may see: the person of concern is never part of it.
 */
export function IncidentSummaryPage({ measures }: { measures: IncidentSlot }) {
  const { t } = useTranslation();
  const { incidentId = '' } = useParams();
  const incident = useIncident(incidentId);
  const sheet = useSummarySheet(incidentId);
  const error = incident.error ?? sheet.error;

  return (
    <div className="summary-sheet">
      <p className="back-link">
        <Link to={paths.incident(incidentId)}>{t('followUp.summary.back')}</Link>
      </p>
      <PageHeader title={t('followUp.summary.title')} intro={t('followUp.summary.intro')} />
      {error && <ProblemAlert error={error} />}
      {!error && (incident.isPending || sheet.isPending) && <Loading />}
      {incident.data && sheet.data && <SummarySheet incident={incident.data} sheet={sheet.data} measures={measures} />}
    </div>
  );
}

function SummarySheet({
  incident,
  sheet,
  measures: Measures,
}: {
  incident: Incident;
  sheet: IncidentSummarySheet;
  measures: IncidentSlot;
}) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const notSet = t('common.notSet');
  const { consequences } = incident;
  const injuries = consequenceFlags.filter((flag) => consequences[flag]);
  const affected = (incident.isReporterAffected ? 1 : 0) + incident.otherAffectedCount;
  const site = sheet.site;
  const noticeText = (done: Incident['authorityNotice']) =>
    done ? t('followUp.notices.done', { date: formatDate(done.doneOn), name: done.byName ?? notSet }) : notSet;
  const sickLeave =
    consequences.sickLeaveDays === null ? notSet : t('incidents.detail.days', { count: consequences.sickLeaveDays });

  return (
    <>
      <p className="summary-sheet__actions">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('followUp.summary.print')}
        </button>
      </p>
      <section aria-labelledby="summary-common-title" className="panel">
        <h2 id="summary-common-title">{t('followUp.summary.common')}</h2>
        <Facts
          facts={[
            [t('followUp.summary.employer'), sheet.employerName],
            [t('followUp.summary.workplace'), [sheet.unitName, site?.name].filter(Boolean).join(', ') || notSet],
            [
              t('followUp.summary.workplaceAddress'),
              site ? `${site.streetAddress}, ${site.postalCode} ${site.city}` : notSet,
            ],
            [
              t('followUp.summary.place'),
              incident.place.kind === 'free' ? incident.place.description : (site?.name ?? notSet),
            ],
            [t('followUp.summary.occurredAt'), formatDateTime(incident.occurredAt)],
            [t('followUp.summary.kind'), t(`incidents.kinds.${incident.kind}`)],
            [t('incidents.detail.types'), incident.types.map((type) => t(`incidents.types.${type}`)).join(', ')],
            [t('followUp.summary.whatHappened'), incident.description],
            [t('followUp.summary.causes'), incident.investigation.causes || notSet],
            [t('followUp.summary.courseAfter'), incident.investigation.courseAfter || notSet],
            [
              t('followUp.summary.policeReport'),
              incident.policeReport ? t(`incidents.policeStatuses.${incident.policeReport.status}`) : notSet,
            ],
          ]}
        />
      </section>
      <section aria-labelledby="summary-authority-title" className="panel">
        <h2 id="summary-authority-title">{t('followUp.summary.authoritySection')}</h2>
        <Facts
          facts={[
            [t('followUp.summary.noticeStatus'), noticeText(incident.authorityNotice)],
            [t('followUp.summary.death'), yesNo(consequences.death)],
            [t('followUp.summary.injuryNeedingCare'), yesNo(consequences.injuryNeedingCare)],
            [t('followUp.summary.severalAffected'), yesNo(affected > 1)],
            [t('followUp.summary.affectedCount'), String(affected)],
          ]}
        />
      </section>
      <section aria-labelledby="summary-injury-title" className="panel">
        <h2 id="summary-injury-title">{t('followUp.summary.workInjurySection')}</h2>
        <Facts
          facts={[
            [t('followUp.summary.noticeStatus'), noticeText(incident.workInjuryReport)],
            [
              t('followUp.summary.injuredPerson'),
              incident.isReporterAffected ? incident.reporter.name : t('followUp.summary.notTheReporter'),
            ],
            [
              t('followUp.summary.injuries'),
              injuries.length > 0
                ? injuries.map((flag) => t(`incidents.consequences.${flag}`)).join(', ')
                : t('incidents.detail.noInjuries'),
            ],
            [t('followUp.summary.sickLeaveDays'), sickLeave],
          ]}
        />
      </section>
      <section aria-labelledby="summary-measures-title" className="panel">
        <h2 id="summary-measures-title">{t('followUp.summary.measuresTaken')}</h2>
        <Measures incident={incident} canHandle={false} />
      </section>
    </>
  );
}
