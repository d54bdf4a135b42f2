import type { officialCategories, Role } from '@varn/domain';
import type { Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface TrainingCourseTable {
  id: Generated<string>;
  tenantId: string;
  name: string;
  description: Generated<string>;
  validityMonths: number | null;
  targetOrgUnitIds: string[];
  targetRoles: Role[];
  targetOfficialCategories: (typeof officialCategories)[number][];
  isProgrammeTraining: Generated<boolean>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
// A course and whom it is for are the city's plan, not anyone's data.
export const trainingCourseColumns = tagColumns<TrainingCourseTable>('training_courses', {
  id: 'internal',
  tenantId: 'internal',
  name: 'internal',
  description: 'internal',
  validityMonths: 'internal',
  targetOrgUnitIds: 'internal',
  targetRoles: 'internal',
  targetOfficialCategories: 'internal',
  isProgrammeTraining: 'internal',
  createdAt: 'internal',
  updatedAt: 'internal',
});

export interface TrainingOccasionTable {
  id: Generated<string>;
  tenantId: string;
  courseId: string;
  startsAt: Date;
  place: string;
  capacity: number;
  createdAt: Generated<Date>;
}
export const trainingOccasionColumns = tagColumns<TrainingOccasionTable>('training_occasions', {
  id: 'internal',
  tenantId: 'internal',
  courseId: 'internal',
  startsAt: 'internal',
  place: 'internal',
  capacity: 'internal',
  createdAt: 'internal',
});

export interface TrainingEnrolmentTable {
  occasionId: string;
  personId: string;
  tenantId: string;
  hasAttended: boolean | null;
  createdAt: Generated<Date>;
}
// Who took which course is personal data about an employee, not sensitive in itself.
export const trainingEnrolmentColumns = tagColumns<TrainingEnrolmentTable>('training_enrolments', {
  occasionId: 'internal',
  personId: 'personal',
  tenantId: 'internal',
  hasAttended: 'personal',
  createdAt: 'internal',
});

export interface TrainingCompletionTable {
  id: Generated<string>;
  tenantId: string;
  courseId: string;
  personId: string;
  completedOn: string;
  validUntil: string | null;
  source: 'occasion' | 'attendance_list' | 'import';
  occasionId: string | null;
  recordedByPersonId: string;
  createdAt: Generated<Date>;
}
export const trainingCompletionColumns = tagColumns<TrainingCompletionTable>('training_completions', {
  id: 'internal',
  tenantId: 'internal',
  courseId: 'internal',
  personId: 'personal',
  completedOn: 'personal',
  validUntil: 'personal',
  source: 'internal',
  occasionId: 'internal',
  recordedByPersonId: 'personal',
  createdAt: 'internal',
});
