import type { SupportKind, SupportStatus } from '@varn/domain';
import type { ColumnType, Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

/** A `date` column: read as 'YYYY-MM-DD' text (see platform/database.ts), written as such. */
type DateText = ColumnType<string, string, string>;

export interface ProtectionEnrolmentTable {
  id: Generated<string>;
  tenantId: string;
  personId: string;
  partyId: string | null;
  enrolledOn: DateText;
  instructionReadOn: DateText | null;
  /** Typed before the programme read Training's completions; kept readable, no longer written. */
  typedTrainingCompletedOn: DateText | null;
  conversationNeededBy: DateText | null;
  enrolledByPersonId: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// Who is enrolled is personal; that a conversation is needed sooner hints at a threat: sensitive.
export const protectionEnrolmentColumns = tagColumns<ProtectionEnrolmentTable>('protection_enrolments', {
  id: 'internal',
  tenantId: 'internal',
  personId: 'personal',
  partyId: 'personal',
  enrolledOn: 'personal',
  instructionReadOn: 'personal',
  typedTrainingCompletedOn: 'personal',
  conversationNeededBy: 'sensitive',
  enrolledByPersonId: 'personal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface ProtectionConversationTable {
  id: Generated<string>;
  tenantId: string;
  enrolmentId: string;
  offeredOn: DateText;
  heldOn: DateText | null;
  heldBy: string;
  notes: string;
  recordedByPersonId: string;
  recordedAt: Generated<Date>;
}
// The notes tell of an official's personal security and risks: need-to-know, every read audited.
export const protectionConversationColumns = tagColumns<ProtectionConversationTable>('protection_conversations', {
  id: 'internal',
  tenantId: 'internal',
  enrolmentId: 'internal',
  offeredOn: 'personal',
  heldOn: 'personal',
  heldBy: 'personal',
  notes: 'sensitive',
  recordedByPersonId: 'personal',
  recordedAt: 'internal',
});

export interface ProtectionSupportTable {
  id: Generated<string>;
  tenantId: string;
  enrolmentId: string;
  kind: SupportKind;
  status: SupportStatus;
  startedOn: DateText;
  endedOn: DateText | null;
  alarmCentreReference: string | null;
  description: string;
  recordedByPersonId: string;
  recordedAt: Generated<Date>;
}
// Alarms, guarding and perimeter protection at a home: harmful if leaked.
export const protectionSupportColumns = tagColumns<ProtectionSupportTable>('protection_support', {
  id: 'internal',
  tenantId: 'internal',
  enrolmentId: 'internal',
  kind: 'sensitive',
  status: 'sensitive',
  startedOn: 'sensitive',
  endedOn: 'sensitive',
  alarmCentreReference: 'sensitive',
  description: 'sensitive',
  recordedByPersonId: 'personal',
  recordedAt: 'internal',
});
