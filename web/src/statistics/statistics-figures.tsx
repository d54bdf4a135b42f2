import type { IncidentStatistics, ProtectedCount } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../shared/i18n/use-language.ts';
import { formatPercent } from './format-month.ts';

const dayFormats = {
  sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** The key figures above the charts: total, police reports, time to acknowledgement, links. */
export function StatisticsFigures({ statistics }: { statistics: IncidentStatistics }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const protectedCount = (value: ProtectedCount) =>
    value.isSuppressed ? t('statistics.fewerThanFive') : String(value.count ?? 0);
  const days = statistics.medianDaysToAcknowledgement;

  return (
    <section aria-labelledby="statistics-figures-title">
      <h2 id="statistics-figures-title" className="visually-hidden">
        {t('statistics.keyFigures')}
      </h2>
      <dl className="statistics-figures">
        <div className="statistics-figure">
          <dt>{t('statistics.total')}</dt>
          <dd>{statistics.total}</dd>
        </div>
        <div className="statistics-figure">
          <dt>{t('statistics.policeReportShare')}</dt>
          <dd>
            {statistics.policeReportShare === null
              ? t('statistics.noValue')
              : t('statistics.policeReportShareValue', {
                  percent: formatPercent(statistics.policeReportShare, language),
                  count: statistics.policeReportMade,
                  total: statistics.total,
                })}
          </dd>
        </div>
        <div className="statistics-figure">
          <dt>{t('statistics.medianDays')}</dt>
          <dd>
            {days === null
              ? t('statistics.noValue')
              : t('statistics.medianDaysValue', { count: days, days: dayFormats[language].format(days) })}
            <span className="statistics-figure__detail">
              {t('statistics.acknowledgedCount', { count: statistics.acknowledgedCount })}
            </span>
          </dd>
        </div>
        <div className="statistics-figure">
          <dt>{t('statistics.gangCrimeLink')}</dt>
          <dd>{protectedCount(statistics.gangCrimeLink)}</dd>
        </div>
        <div className="statistics-figure">
          <dt>{t('statistics.violentExtremismLink')}</dt>
          <dd>{protectedCount(statistics.violentExtremismLink)}</dd>
        </div>
      </dl>
    </section>
  );
}
