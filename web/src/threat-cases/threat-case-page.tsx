import type { ThreatCase } from '@varn/domain';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDate, formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { AccessListSection } from './access-list-section.tsx';
import { useThreatCase } from './api/get-threat-case.ts';
import { AssessmentForm } from './assessment-form.tsx';
import { AssessmentHistory } from './assessment-history.tsx';
import { ConsultationsSection } from './consultations-section.tsx';
import { LevelBadge } from './level-badge.tsx';
import { PreIntakeSection } from './pre-intake-section.tsx';
import { Section } from './section.tsx';
import './threat-cases.css';
import { Facts } from '../shared/ui/facts.tsx';

/**
 * One threat case: what it protects and against whom, the picture over time, a new assessment,
 * consultations and the access list. Opening it is audited by the server.
 */
export function ThreatCasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const threatCase = useThreatCase(caseId);
  const canManage = useHasPermission('threat_cases.manage');
  const data = threatCase.data;
  return (
    <>
      <p className="back-link">
        <Link to={paths.threatCases}>{t('threatCases.detail.back')}</Link>
      </p>
      <PageHeader
        title={
          data ? data.title : threatCase.isError ? t('threatCases.detail.notFound') : t('threatCases.detail.title')
        }
        intro={data ? t('threatCases.list.unit', { unit: data.unitName }) : undefined}
      />
      {threatCase.isPending && <Loading />}
      {threatCase.isError && <ProblemAlert error={threatCase.error} />}
      {data && (
        <>
          <CaseOverview threatCase={data} />
          <CasePersons threatCase={data} />
          <LinkedIncidents threatCase={data} />
          <AssessmentHistory assessments={data.assessments} />
          {canManage && <AssessmentForm threatCase={data} />}
          <ConsultationsSection threatCase={data} canManage={canManage} />
          <PreIntakeSection threatCase={data} canManage={canManage} />
          <AccessListSection threatCase={data} canManage={canManage} />
        </>
      )}
    </>
  );
}

function CaseOverview({ threatCase }: { threatCase: ThreatCase }) {
  const { t } = useTranslation();
  const notSet = t('common.notSet');
  return (
    <Section id="threat-case-overview-title" title={t('threatCases.detail.overview')}>
      <Facts
        facts={[
          [t('threatCases.detail.currentLevel'), <LevelBadge key="level" level={threatCase.currentLevel} />],
          [t('threatCases.detail.protects'), t(`threatCases.protects.${threatCase.protects}`)],
          ...(threatCase.siteName ? [[t('threatCases.detail.site'), threatCase.siteName] as [string, string]] : []),
          ...(threatCase.officialName
            ? [[t('threatCases.detail.official'), threatCase.officialName] as [string, string]]
            : []),
          [t('threatCases.detail.unit'), threatCase.unitName],
          [t('threatCases.detail.nextReview'), threatCase.nextReviewOn ? formatDate(threatCase.nextReviewOn) : notSet],
          [t('threatCases.detail.createdBy'), threatCase.createdByName],
          [
            t('threatCases.detail.createdAt'),
            <time key="created" dateTime={threatCase.createdAt}>
              {formatDateTime(threatCase.createdAt)}
            </time>,
          ],
          [t('threatCases.detail.summary'), threatCase.summary || notSet],
        ]}
      />
    </Section>
  );
}

function CasePersons({ threatCase }: { threatCase: ThreatCase }) {
  const { t } = useTranslation();
  const notSet = t('common.notSet');
  return (
    <>
      {threatCase.protects === 'persons' && (
        <Section id="threat-case-protected-title" title={t('threatCases.detail.protectedPersons')}>
          {threatCase.protectedPersons.map((person) => (
            <Fragment key={person.id}>
              <h3>{person.name}</h3>
              <Facts
                facts={[
                  [t('threatCases.detail.description'), person.description || notSet],
                  [t('threatCases.detail.homeAddress'), person.homeAddress ?? notSet],
                ]}
              />
            </Fragment>
          ))}
        </Section>
      )}
      <Section id="threat-case-concern-title" title={t('threatCases.detail.personsOfConcern')}>
        {threatCase.personsOfConcern.length === 0 && <p>{t('threatCases.detail.none')}</p>}
        {threatCase.personsOfConcern.map((person) => (
          <Fragment key={person.id}>
            <h3>{person.name ?? t('threatCases.detail.unknownName')}</h3>
            <Facts
              facts={[
                [t('threatCases.detail.relation'), t(`incidents.relations.${person.relation}`)],
                [t('threatCases.detail.gangCrimeLink'), t(`incidents.links.${person.gangCrimeLink}`)],
                [t('threatCases.detail.violentExtremismLink'), t(`incidents.links.${person.violentExtremismLink}`)],
                [t('threatCases.detail.description'), person.description || notSet],
                [t('threatCases.detail.homeAddress'), person.homeAddress ?? notSet],
              ]}
            />
          </Fragment>
        ))}
      </Section>
    </>
  );
}

function LinkedIncidents({ threatCase }: { threatCase: ThreatCase }) {
  const { t } = useTranslation();
  return (
    <Section id="threat-case-incidents-title" title={t('threatCases.detail.incidents')}>
      {threatCase.incidents.length === 0 ? (
        <p>{t('threatCases.detail.noIncidents')}</p>
      ) : (
        <ul className="plain-list">
          {threatCase.incidents.map((incident) => (
            <li key={incident.id}>
              <Link to={paths.incident(incident.id)}>
                {incident.types.map((type) => t(`incidents.types.${type}`)).join(', ')} –{' '}
                <time dateTime={incident.occurredAt}>{formatDateTime(incident.occurredAt)}</time>
              </Link>{' '}
              ({t(`incidents.statuses.${incident.status}`)})
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
