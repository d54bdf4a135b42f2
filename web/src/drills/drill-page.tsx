import type { Drill } from '@varn/domain';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../shared/paths.ts';
import { Facts } from '../shared/ui/facts.tsx';
import { formatDate } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useDrill } from './api/drills.ts';
import './drills.css';

/** What the page shows of another feature about the drill (its follow-up measures); app/ fills it in. */
export type DrillSlot = ComponentType<{ drill: Drill }>;

/** One drill: when, who took part, the scenario, what worked and the lessons; measures follow them up. */
export function DrillPage({ measures: Measures }: { measures: DrillSlot }) {
  const { t } = useTranslation();
  const { drillId = '' } = useParams();
  const drill = useDrill(drillId);
  if (drill.isPending) return <Loading />;
  if (drill.isError) return <ProblemAlert error={drill.error} />;
  const { data } = drill;
  const when = data.heldOn ?? data.plannedOn;
  return (
    <>
      <p className="back-link">
        <Link to={paths.drills}>{t('drills.page.back')}</Link>
      </p>
      <PageHeader
        title={t('drills.page.title', {
          kind: t(`drills.kinds.${data.kind}`),
          site: data.siteName,
          date: when ? formatDate(when) : '',
        })}
      />
      <section aria-labelledby="drill-facts-title" className="panel">
        <h2 id="drill-facts-title">{t('drills.page.facts')}</h2>
        <Facts
          facts={[
            [t('drills.site'), data.siteName],
            [t('drills.form.kind'), t(`drills.kinds.${data.kind}`)],
            [t('drills.form.plannedOn'), data.plannedOn ? formatDate(data.plannedOn) : t('common.notSet')],
            [t('drills.form.heldOn'), data.heldOn ? formatDate(data.heldOn) : t('common.notSet')],
            [t('drills.form.participantCount'), data.participantCount ?? t('common.notSet')],
            [t('drills.form.participatingUnits'), data.participatingUnits || t('common.notSet')],
            [t('drills.form.scenario'), data.scenario || t('common.notSet')],
            [t('drills.form.whatWorked'), data.whatWorked || t('common.notSet')],
            [t('drills.form.lessonsLearned'), data.lessonsLearned || t('common.notSet')],
          ]}
        />
      </section>
      <Measures drill={data} />
    </>
  );
}
