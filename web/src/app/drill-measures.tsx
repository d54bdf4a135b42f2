import type { Drill } from '@varn/domain';
import { MeasuresSection } from '../measures/measures-section.tsx';

/** The measures feature on a drill's page: follow-up of its lessons, decided by the site's planners. */
export function DrillMeasures({ drill }: { drill: Drill }) {
  return (
    <MeasuresSection
      source={{ kind: 'drill', id: drill.id, unitId: drill.unitId, partyId: null }}
      canHandle={drill.mayManage}
      // A drill has no timeline of its own to refresh.
      onChange={() => undefined}
    />
  );
}
