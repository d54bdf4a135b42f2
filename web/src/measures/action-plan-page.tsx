import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { saveFile } from '../incidents/api/export-incidents.ts';
import { paths } from '../shared/paths.ts';
import { formatDate, formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { type ActionPlanSubject, downloadActionPlan, useActionPlan } from './api/measure-lists.ts';
import './measures.css';

/**
 * An administration's or a site's action plan: its measures by category, then done / under way /
 * planned. Printable as it stands, and generated as Word or PDF for the board.
 */
export function ActionPlanPage({ kind }: { kind: ActionPlanSubject['kind'] }) {
  const { t } = useTranslation();
  const { unitId = '', siteId = '' } = useParams();
  const subject: ActionPlanSubject = { kind, id: kind === 'administration' ? unitId : siteId };
  const plan = useActionPlan(subject);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ProblemAlert error={plan.error} />;
  const { data } = plan;
  return (
    <div className="action-plan">
      <PageHeader title={data.title} intro={t('measures.plan.generated', { time: formatDateTime(data.generatedAt) })} />
      <p className="action-plan__actions">
        {kind === 'administration' ? (
          <Link className="back-link" to={paths.unitMeasures(unitId)}>
            {t('measures.plan.back')}
          </Link>
        ) : (
          <Link className="back-link" to={paths.siteSecurityWalks(siteId)}>
            {t('measures.plan.backToSite')}
          </Link>
        )}
      </p>
      <Downloads subject={subject} />
      <p>
        {t('measures.plan.counts', {
          done: data.counts.done,
          underWay: data.counts.under_way,
          planned: data.counts.planned,
        })}
      </p>
      {data.categories.length === 0 && <p>{t('measures.plan.empty')}</p>}
      {data.categories.map((category) => (
        <section key={category.category} className="panel" aria-labelledby={`plan-${category.category}`}>
          <h2 id={`plan-${category.category}`}>{t(`measures.categories.${category.category}`)}</h2>
          {category.stages.map((stage) => (
            <div key={stage.stage}>
              <h3>{t(`measures.plan.stages.${stage.stage}`)}</h3>
              <ul className="plain-list action-plan__measures">
                {stage.measures.map((measure) => (
                  <li key={measure.id}>
                    <Link to={paths.measure(measure.id)}>{measure.title}</Link>
                    <span className="card__meta">
                      {' · '}
                      {t('measures.list.due', { date: formatDate(measure.dueOn) })}
                      {measure.owner && ` · ${measure.owner.name}`}
                      {measure.isOverdue && ` · ${t('measures.list.overdue')}`}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

/** Word and PDF are generated on the server; the buttons say so while it works. */
function Downloads({ subject }: { subject: ActionPlanSubject }) {
  const { t } = useTranslation();
  const [working, setWorking] = useState<'docx' | 'pdf' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ready, setReady] = useState<string | null>(null);
  async function download(format: 'docx' | 'pdf') {
    if (working) return;
    setWorking(format);
    setError(null);
    setReady(null);
    try {
      const { file, fileName } = await downloadActionPlan(subject, format);
      saveFile(file, fileName);
      setReady(fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setWorking(null);
    }
  }
  return (
    <div className="action-plan__actions">
      <button type="button" className="button button--primary" onClick={() => void download('docx')}>
        {t('measures.plan.word')}
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => void download('pdf')}>
        {t('measures.plan.pdf')}
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => window.print()}>
        {t('measures.plan.print')}
      </button>
      {error !== null && <ProblemAlert error={error} />}
      <StatusMessage>
        {working ? t('measures.plan.generating') : ready ? t('measures.plan.ready', { fileName: ready }) : null}
      </StatusMessage>
    </div>
  );
}
