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

/**
 * The workflow status in Swedish (Rapporterad, Kvitterad, …), as text and not by colour alone;
 * "Status: " goes before it where no label says what it is.
 */
export function StatusBadge({ status, isLabelled = false }: { status: IncidentStatus; isLabelled?: boolean }) {
  const { t } = useTranslation();
  const name = t(`incidents.statuses.${status}`);
  return (
    <span className={`badge badge--status badge--${status}`}>
      {isLabelled ? name : t('incidents.statusLabel', { status: name })}
    </span>
  );
}
