import type { MeasureCategory, MeasureSourceKind, MeasureStatus } from '@varn/domain';
import type { Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface MeasureTable {
  id: Generated<string>;
  tenantId: string;
  sourceKind: MeasureSourceKind;
  /** Null for standalone measures and board assignments. */
  sourceId: string | null;
  sourceReference: Generated<string>;
  title: string;
  description: Generated<string>;
  category: Generated<MeasureCategory>;
  ownerPersonId: string;
  orgUnitId: string | null;
  siteId: string | null;
  dueOn: string;
  status: Generated<MeasureStatus>;
  statusReason: Generated<string>;
  completionNote: Generated<string>;
  /** Whole öre; bigint comes back as a string from PostgreSQL. */
  estimatedCostOre: string | number | null;
  actualCostOre: string | number | null;
  createdByPersonId: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// A measure's text follows from the event it answers (an incident's, a threat's), so it is as
// sensitive as that event's description; so are the reasons and the evidence written about it.
export const measureColumns = tagColumns<MeasureTable>('measures', {
  id: 'internal',
  tenantId: 'internal',
  sourceKind: 'internal',
  sourceId: 'internal',
  sourceReference: 'internal',
  title: 'sensitive',
  description: 'sensitive',
  category: 'internal',
  ownerPersonId: 'personal',
  orgUnitId: 'internal',
  siteId: 'internal',
  dueOn: 'internal',
  status: 'internal',
  statusReason: 'sensitive',
  completionNote: 'sensitive',
  estimatedCostOre: 'internal',
  actualCostOre: 'internal',
  createdByPersonId: 'personal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface MeasureStatusChangeTable {
  id: Generated<string>;
  tenantId: string;
  measureId: string;
  fromStatus: MeasureStatus | null;
  toStatus: MeasureStatus;
  dueOn: string;
  reason: Generated<string>;
  changedByPersonId: string;
  changedAt: Generated<Date>;
}
export const measureStatusChangeColumns = tagColumns<MeasureStatusChangeTable>('measure_status_changes', {
  id: 'internal',
  tenantId: 'internal',
  measureId: 'internal',
  fromStatus: 'internal',
  toStatus: 'internal',
  dueOn: 'internal',
  reason: 'sensitive',
  changedByPersonId: 'personal',
  changedAt: 'internal',
});

export interface MeasureReminderTable {
  tenantId: string;
  measureId: string;
  kind: 'before_due' | 'overdue';
  dueOn: string;
  remindedAt: Generated<Date>;
}
export const measureReminderColumns = tagColumns<MeasureReminderTable>('measure_reminders', {
  tenantId: 'internal',
  measureId: 'internal',
  kind: 'internal',
  dueOn: 'internal',
  remindedAt: 'internal',
});

export interface MeasureEvidenceFileTable {
  id: string;
  tenantId: string;
  measureId: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  /** AES-256-GCM ciphertext (`encryptBytes`, the file's id as associated data); pg gives a Buffer, PGlite a Uint8Array. */
  content: Uint8Array;
  uploadedByPersonId: string;
  createdAt: Generated<Date>;
}
// Evidence shows what was weak and how it was fixed (the new lock, the alarm order), and a name or a
// face in it may say more: as sensitive as the completion note beside it.
export const measureEvidenceFileColumns = tagColumns<MeasureEvidenceFileTable>('measure_evidence_files', {
  id: 'internal',
  tenantId: 'internal',
  measureId: 'internal',
  fileName: 'sensitive',
  mediaType: 'internal',
  byteSize: 'internal',
  sha256: 'sensitive',
  content: 'sensitive',
  uploadedByPersonId: 'personal',
  createdAt: 'internal',
});
