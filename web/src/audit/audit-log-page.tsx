import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { LoadMore } from '../shared/ui/load-more.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { useAuditEntries } from './api/get-audit-entries.ts';

/** The audit log ("Granskningslogg"), newest first as the server orders it; times in Stockholm. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const entries = useAuditEntries();
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const notSet = t('common.notSet');

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      {entries.isPending && <Loading />}
      {entries.isError && <ProblemAlert error={entries.error} />}
      {entries.isSuccess && items.length === 0 && <p>{t('audit.empty')}</p>}
      {items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" aria-labelledby="audit-list-title" tabIndex={0}>
          <table className="table">
            <caption id="audit-list-title" className="visually-hidden">
              {t('audit.list')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.occurredAt')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.resource')}</th>
                <th scope="col">{t('audit.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
                  </td>
                  <td>{entry.actorName ?? notSet}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    <code>{entry.resourceType}</code>
                  </td>
                  <td>{entry.reason ?? notSet}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <LoadMore query={entries} count={items.length} />
    </>
  );
}
