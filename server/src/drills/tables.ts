import type { DrillKind } from '@varn/domain';
import type { ColumnType, Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

/** A `date` column: read as 'YYYY-MM-DD' text (see platform/database.ts), written as such. */
type DateText = ColumnType<string, string, string>;

export interface DrillTable {
  id: Generated<string>;
  tenantId: string;
  siteId: string;
  kind: DrillKind;
  plannedOn: DateText | null;
  heldOn: DateText | null;
  participantCount: number | null;
  participatingUnits: string;
  scenario: string;
  whatWorked: string;
  lessonsLearned: string;
  createdByPersonId: string;
  createdAt: Generated<Date>;
}
// A lockdown or PDV scenario and its lessons describe a site's weak points: sensitive.
export const drillColumns = tagColumns<DrillTable>('drills', {
  id: 'internal',
  tenantId: 'internal',
  siteId: 'internal',
  kind: 'internal',
  plannedOn: 'internal',
  heldOn: 'internal',
  participantCount: 'internal',
  participatingUnits: 'internal',
  scenario: 'sensitive',
  whatWorked: 'sensitive',
  lessonsLearned: 'sensitive',
  createdByPersonId: 'personal',
  createdAt: 'internal',
});
