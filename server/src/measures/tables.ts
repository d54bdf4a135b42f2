import type { MeasureSourceKind, MeasureStatus } from '@varn/domain';
import type { Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface MeasureTable {
  id: Generated<string>;
  tenantId: string;
  sourceKind: MeasureSourceKind;
  sourceId: string;
  title: string;
  description: Generated<string>;
  ownerPersonId: string;
  orgUnitId: string | null;
  dueOn: string;
  status: Generated<MeasureStatus>;
  createdByPersonId: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// A measure's text follows from the event it answers (an incident's, a threat's), so it is as
// sensitive as that event's description.
export const measureColumns = tagColumns<MeasureTable>('measures', {
  id: 'internal',
  tenantId: 'internal',
  sourceKind: 'internal',
  sourceId: 'internal',
  title: 'sensitive',
  description: 'sensitive',
  ownerPersonId: 'personal',
  orgUnitId: 'internal',
  dueOn: 'internal',
  status: 'internal',
  createdByPersonId: 'personal',
  createdAt: 'internal',
  updatedAt: 'internal',
});
