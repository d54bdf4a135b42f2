import type { ChecklistSection, CheckResult, SecurityWalkStatus, WalkParticipant } from '@varn/domain';
import type { Generated, JSONColumnType } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface ChecklistTemplateTable {
  id: Generated<string>;
  tenantId: string;
  currentVersion: Generated<number>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export const checklistTemplateColumns = tagColumns<ChecklistTemplateTable>('checklist_templates', {
  id: 'internal',
  tenantId: 'internal',
  currentVersion: 'internal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface ChecklistTemplateVersionTable {
  id: Generated<string>;
  tenantId: string;
  templateId: string;
  version: number;
  name: string;
  description: Generated<string>;
  sections: JSONColumnType<ChecklistSection[], string, string>;
  createdByPersonId: string | null;
  createdAt: Generated<Date>;
}
// A checklist is generic guidance, the same for every address: nothing in it is about a person.
export const checklistTemplateVersionColumns = tagColumns<ChecklistTemplateVersionTable>(
  'checklist_template_versions',
  {
    id: 'internal',
    tenantId: 'internal',
    templateId: 'internal',
    version: 'internal',
    name: 'internal',
    description: 'internal',
    sections: 'internal',
    createdByPersonId: 'personal',
    createdAt: 'internal',
  },
);

export interface SecurityWalkTable {
  id: Generated<string>;
  tenantId: string;
  siteId: string;
  templateVersionId: string;
  walkedOn: string;
  participants: JSONColumnType<WalkParticipant[], string, string>;
  status: Generated<SecurityWalkStatus>;
  summary: Generated<string>;
  createdByPersonId: string;
  finishedAt: Date | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// What a walk found describes where an address is weak (an unlocked door, no alarm in the meeting
// room): it would help someone who means harm, so the findings are sensitive.
export const securityWalkColumns = tagColumns<SecurityWalkTable>('security_walks', {
  id: 'internal',
  tenantId: 'internal',
  siteId: 'internal',
  templateVersionId: 'internal',
  walkedOn: 'internal',
  participants: 'personal',
  status: 'internal',
  summary: 'sensitive',
  createdByPersonId: 'personal',
  finishedAt: 'internal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface SecurityWalkAnswerTable {
  walkId: string;
  questionKey: string;
  tenantId: string;
  result: CheckResult | null;
  number: number | null;
  note: Generated<string>;
  measureId: string | null;
  updatedAt: Generated<Date>;
}
export const securityWalkAnswerColumns = tagColumns<SecurityWalkAnswerTable>('security_walk_answers', {
  walkId: 'internal',
  questionKey: 'internal',
  tenantId: 'internal',
  result: 'sensitive',
  number: 'sensitive',
  note: 'sensitive',
  measureId: 'internal',
  updatedAt: 'internal',
});

export interface SecurityWalkPhotoTable {
  id: string;
  tenantId: string;
  walkId: string;
  questionKey: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  /** AES-256-GCM ciphertext (`encryptBytes`, the photo's id as associated data); pg gives a Buffer, PGlite a Uint8Array. */
  content: Uint8Array;
  uploadedByPersonId: string;
  createdAt: Generated<Date>;
}
// A photo of an answer shows where the address is weak (the door that does not lock), and a file
// name or a face in it may say more: the content, its name and its hash are sensitive.
export const securityWalkPhotoColumns = tagColumns<SecurityWalkPhotoTable>('security_walk_photos', {
  id: 'internal',
  tenantId: 'internal',
  walkId: 'internal',
  questionKey: 'internal',
  fileName: 'sensitive',
  mediaType: 'internal',
  byteSize: 'internal',
  sha256: 'sensitive',
  content: 'sensitive',
  uploadedByPersonId: 'personal',
  createdAt: 'internal',
});
