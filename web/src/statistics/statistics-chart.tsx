import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export type ChartRow = { key: string; label: string; count: number };

type StatisticsChartProps = {
  title: string;
  /** The first column's heading in the table: month, type, situation, unit. */
  categoryHeading: string;
  rows: readonly ChartRow[];
  /** Months stand as columns in time order; categories lie as bars, which leaves room for long names. */
  orientation: 'columns' | 'bars';
  /** Only the first rows are drawn (the table holds all); leave out to draw all. */
  chartLimit?: number;
  note?: string;
};

// The shared styles' brand and text colours: bars 9:1 and text 16:1 against white (WCAG 1.4.11 asks 3:1).
const barColour = '#1f4e5f';
const textColour = '#1b1f23';
const gridColour = '#d3d9de';
const tick = { fill: textColour, fontSize: 12 };

/**
 * One statistic as a bar chart and as a table. The chart is a picture for sighted readers
 * (role="img" with a one-sentence summary, nothing inside it reaches a screen reader); the table,
 * behind "Visa som tabell", holds every value.
 */
export function StatisticsChart({ title, categoryHeading, rows, orientation, chartLimit, note }: StatisticsChartProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const drawn = chartLimit ? rows.slice(0, chartLimit) : rows;
  const top = rows.reduce<ChartRow | null>((best, row) => (row.count > (best?.count ?? 0) ? row : best), null);
  const summary = top
    ? t('statistics.chartSummary', { title, top: top.label, count: top.count })
    : t('statistics.chartEmpty', { title });
  const height = orientation === 'columns' ? 260 : Math.max(120, drawn.length * 36 + 40);

  return (
    <section className="panel statistics-chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {note && <p className="card__meta">{note}</p>}
      <div role="img" aria-label={summary} className="statistics-chart__picture" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {orientation === 'columns' ? (
            <BarChart data={drawn} accessibilityLayer={false} margin={{ top: 20, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid stroke={gridColour} vertical={false} />
              <XAxis dataKey="label" tick={tick} angle={-45} textAnchor="end" height={64} interval="preserveStartEnd" />
              <YAxis allowDecimals={false} tick={tick} width={40} />
              <Bar dataKey="count" fill={barColour} isAnimationActive={false}>
                <LabelList dataKey="count" position="top" fill={textColour} fontSize={12} />
              </Bar>
            </BarChart>
          ) : (
            <BarChart
              data={drawn}
              layout="vertical"
              accessibilityLayer={false}
              margin={{ top: 0, right: 32, bottom: 8, left: 0 }}
            >
              <CartesianGrid stroke={gridColour} horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={tick} />
              <YAxis type="category" dataKey="label" tick={tick} width={130} interval={0} />
              <Bar dataKey="count" fill={barColour} isAnimationActive={false}>
                <LabelList dataKey="count" position="right" fill={textColour} fontSize={12} />
              </Bar>
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      <details className="statistics-chart__table">
        <summary>{t('statistics.showTable')}</summary>
        <div className="table-scroll">
          <table className="table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryHeading}</th>
                <th scope="col" className="statistics-chart__number">
                  {t('statistics.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td className="statistics-chart__number">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
