import type { ProgrammeFollowUp } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useProgrammeFollowUp } from './api/protection-programme.ts';
import './protection-programme.css';

const measures = ['offeredConversation', 'trained', 'instructed'] as const;
// Three colours that keep 3:1 against white and against each other's neighbours (WCAG 1.4.11).
const colours = { offeredConversation: '#1f4e5f', trained: '#8a4b08', instructed: '#5b3a8c' } as const;
const textColour = '#1b1f23';
const tick = { fill: textColour, fontSize: 12 };

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/**
 * The programme's follow-up: per party and in total, the share of enrolled officials offered a
 * conversation in the last 12 months, trained and instructed. Counts only: the board's version.
 */
export function FollowUpPage() {
  const { t } = useTranslation();
  const followUp = useProgrammeFollowUp();
  const canReadList = useHasPermission('protection_programme.read');
  return (
    <>
      <PageHeader
        title={t('protectionProgramme.followUp.title')}
        intro={t('protectionProgramme.followUp.intro')}
        actions={canReadList && <Link to={paths.protectionProgramme}>{t('protectionProgramme.backToList')}</Link>}
      />
      {followUp.isPending && <Loading />}
      {followUp.isError && <ProblemAlert error={followUp.error} />}
      {followUp.isSuccess && <FollowUpChart followUp={followUp.data} />}
    </>
  );
}

function FollowUpChart({ followUp }: { followUp: ProgrammeFollowUp }) {
  const { t } = useTranslation();
  const rows = [
    ...followUp.parties.map((party) => ({
      label: party.partyAbbreviation ?? t('protectionProgramme.noParty'),
      ...party,
    })),
    { label: t('protectionProgramme.followUp.total'), ...followUp.total },
  ];
  const chartRows = rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(measures.map((measure) => [measure, percent(row[measure], row.enrolled)])),
  }));
  const summary = t('protectionProgramme.followUp.chartSummary', {
    enrolled: followUp.total.enrolled,
    offered: percent(followUp.total.offeredConversation, followUp.total.enrolled),
    trained: percent(followUp.total.trained, followUp.total.enrolled),
    instructed: percent(followUp.total.instructed, followUp.total.enrolled),
  });
  return (
    <section aria-labelledby="follow-up-chart-title" className="panel">
      <h2 id="follow-up-chart-title">{t('protectionProgramme.followUp.chartTitle')}</h2>
      <div role="img" aria-label={summary} className="programme-chart__picture" style={{ height: 300 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={chartRows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#d3d9de" vertical={false} />
            <XAxis dataKey="label" tick={tick} interval={0} />
            <YAxis domain={[0, 100]} unit=" %" tick={tick} width={48} />
            <Legend wrapperStyle={{ color: textColour }} />
            {measures.map((measure) => (
              <Bar
                key={measure}
                dataKey={measure}
                name={t(`protectionProgramme.followUp.${measure}`)}
                fill={colours[measure]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t('protectionProgramme.followUp.showTable')}</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <section className="table-scroll" aria-labelledby="follow-up-chart-title" tabIndex={0}>
          <table className="table">
            <caption>{t('protectionProgramme.followUp.chartTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('protectionProgramme.party')}</th>
                <th scope="col">{t('protectionProgramme.followUp.enrolled')}</th>
                {measures.map((measure) => (
                  <th scope="col" key={measure}>
                    {t(`protectionProgramme.followUp.${measure}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.enrolled}</td>
                  {measures.map((measure) => (
                    <td key={measure}>
                      {t('protectionProgramme.followUp.share', {
                        count: row[measure],
                        percent: percent(row[measure], row.enrolled),
                      })}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </section>
  );
}
