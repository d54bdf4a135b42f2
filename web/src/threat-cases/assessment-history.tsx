import { type ThreatAssessment, type ThreatLevel, threatLevels } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatDateTime } from '../shared/ui/format-date.ts';
import { LevelBadge } from './level-badge.tsx';
import { Section } from './section.tsx';

/** Levels as heights for the chart: low 1 … acute 4. */
const heightOf = (level: ThreatLevel) => threatLevels.indexOf(level) + 1;

/**
 * How the picture changed: a chart of the levels per version (for sighted readers; hidden from
 * assistive technology), the same data as a table, and the versions as a timeline with their
 * justifications.
 */
export function AssessmentHistory({ assessments }: { assessments: ThreatAssessment[] }) {
  const { t } = useTranslation();
  return (
    <Section id="threat-case-history-title" title={t('threatCases.history.title')}>
      {assessments.length === 0 ? (
        <p>{t('threatCases.history.none')}</p>
      ) : (
        <>
          <LevelChart assessments={assessments} />
          <LevelTable assessments={assessments} />
          <AssessmentTimeline assessments={assessments} />
        </>
      )}
    </Section>
  );
}

function LevelChart({ assessments }: { assessments: ThreatAssessment[] }) {
  const { t } = useTranslation();
  const levelName = (height: number) => {
    const level = threatLevels[height - 1];
    return level ? t(`threatCases.levels.${level}`) : '';
  };
  const data = assessments.map((assessment) => ({
    label: `${assessment.version}: ${formatDate(assessment.assessedAt)}`,
    level: heightOf(assessment.level),
  }));
  return (
    <figure className="level-chart-figure">
      <figcaption>
        <h3>{t('threatCases.history.chartTitle')}</h3>
        <p className="field__hint">{t('threatCases.history.chartDescription')}</p>
      </figcaption>
      <div className="level-chart" aria-hidden="true" data-testid="level-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#d3d9de" />
            <XAxis dataKey="label" tick={{ fill: '#1b1f23', fontSize: 12 }} />
            <YAxis
              domain={[1, 4]}
              ticks={[1, 2, 3, 4]}
              tickFormatter={levelName}
              width={72}
              tick={{ fill: '#1b1f23', fontSize: 12 }}
            />
            <Tooltip formatter={(value) => levelName(Number(value))} />
            <Line type="stepAfter" dataKey="level" stroke="#1f4e5f" strokeWidth={3} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

function LevelTable({ assessments }: { assessments: ThreatAssessment[] }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby="threat-case-levels-caption" tabIndex={0}>
      <table className="table">
        <caption id="threat-case-levels-caption">{t('threatCases.history.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('threatCases.history.version')}</th>
            <th scope="col">{t('threatCases.history.date')}</th>
            <th scope="col">{t('threatCases.history.level')}</th>
            <th scope="col">{t('threatCases.history.suggested')}</th>
            <th scope="col">{t('threatCases.history.assessor')}</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((assessment) => (
            <tr key={assessment.version}>
              <th scope="row">{assessment.version}</th>
              <td>
                <time dateTime={assessment.assessedAt}>{formatDate(assessment.assessedAt)}</time>
              </td>
              <td>{t(`threatCases.levels.${assessment.level}`)}</td>
              <td>{t(`threatCases.levels.${assessment.suggestedLevel}`)}</td>
              <td>{assessment.assessorName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AssessmentTimeline({ assessments }: { assessments: ThreatAssessment[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('threatCases.history.timeline')}</h3>
      <ol className="assessment-timeline" reversed>
        {[...assessments].reverse().map((assessment) => (
          <li key={assessment.version}>
            <h4>
              {t('threatCases.history.versionTitle', {
                version: assessment.version,
                level: t(`threatCases.levels.${assessment.level}`),
              })}{' '}
              <LevelBadge level={assessment.level} />
            </h4>
            <p className="card__meta">
              {t('threatCases.history.byOn', {
                name: assessment.assessorName,
                date: formatDateTime(assessment.assessedAt),
              })}
            </p>
            <p>{assessment.justification}</p>
            {assessment.recommendedMeasures && (
              <p>{t('threatCases.history.measures', { measures: assessment.recommendedMeasures })}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
