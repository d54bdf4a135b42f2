import type { IncidentStatus, IncidentSummary } from '@varn/domain';
import { useTranslation } from 'react-i18next';

/** An incident's name in lists and headings: its kind and types, e.g. "Händelse: Hot, Våld". */
export function useIncidentTitle() {
  const { t } = useTranslation();
  return (incident: Pick<IncidentSummary, 'kind' | 'types'>) =>
    t('incidents.title', {
      kind: t(`incidents.kinds.${incident.kind}`),
      types: incident.types.map((type) => t(`incidents.types.${type}`)).join(', '),
    });
}

export function IncidentTitle({ incident }: { incident: Pick<IncidentSummary, 'kind' | 'types'> }) {
  return useIncidentTitle()(incident);
}

/** The workflow status in Swedish (Rapporterad, Kvitterad, …), as text and not by colour alone. */
export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--status badge--${status}`}>
      {t('incidents.statusLabel', { status: t(`incidents.statuses.${status}`) })}
    </span>
  );
}
