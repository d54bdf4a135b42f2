import type { NotificationKind } from '@varn/domain';
import type { Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface NotificationTable {
  id: Generated<string>;
  tenantId: string;
  recipientPersonId: string;
  kind: NotificationKind;
  incidentId: string | null;
  riskAnalysisId: Generated<string | null>;
  status: string | null;
  isSerious: Generated<boolean>;
  createdAt: Generated<Date>;
  readAt: Date | null;
}
// A notification names the incident or risk analysis only; what the recipient may read of it is decided on opening.
export const notificationColumns = tagColumns<NotificationTable>('notifications', {
  id: 'internal',
  tenantId: 'internal',
  recipientPersonId: 'internal',
  kind: 'internal',
  incidentId: 'internal',
  riskAnalysisId: 'internal',
  status: 'internal',
  isSerious: 'internal',
  createdAt: 'internal',
  readAt: 'internal',
});
