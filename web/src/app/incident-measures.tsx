import { useQueryClient } from '@tanstack/react-query';
import type { Incident } from '@varn/domain';
import { incidentQueryKey } from '../incidents/api/get-incident.ts';
import type { MeasureSourceRef } from '../measures/api/measures.ts';
import { MeasureSummaryList, MeasuresSection } from '../measures/measures-section.tsx';

const sourceOf = (incident: Incident): MeasureSourceRef => ({
  kind: 'incident',
  id: incident.id,
  unitId: incident.unitId,
  partyId: incident.partyId,
});

/** The measures feature on the incident page; a changed measure also changes the incident's timeline. */
export function IncidentMeasures({ incident, canHandle }: { incident: Incident; canHandle: boolean }) {
  const queryClient = useQueryClient();
  return (
    <MeasuresSection
      source={sourceOf(incident)}
      canHandle={canHandle}
      onChange={() => queryClient.invalidateQueries({ queryKey: incidentQueryKey(incident.id), exact: true })}
    />
  );
}

/** The incident's measures on its printable summary. */
export function IncidentMeasureSummary({ incident }: { incident: Incident }) {
  return <MeasureSummaryList source={sourceOf(incident)} />;
}
