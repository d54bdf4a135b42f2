import assert from 'node:assert/strict';
import { test } from 'node:test';
import { permissions, rolePermissions, rolesHavePermission } from './permissions.ts';
import { requiresSecondFactor, roles } from './roles.ts';

test('only the administrator may change the organisation and grants', () => {
  for (const role of roles) {
    const isAdministrator = role === 'administrator';
    assert.equal(rolesHavePermission([role], 'organisation.manage'), isAdministrator, role);
    assert.equal(rolesHavePermission([role], 'grants.manage'), isAdministrator, role);
  }
});

test("only the administrator sees and reruns the tenant's failed jobs", () => {
  for (const role of roles) {
    const isAdministrator = role === 'administrator';
    assert.equal(rolesHavePermission([role], 'jobs.read'), isAdministrator, role);
    assert.equal(rolesHavePermission([role], 'jobs.manage'), isAdministrator, role);
  }
});

test('training is planned and recorded by the security coordinator and department only', () => {
  for (const role of roles) {
    const isPlanner = role === 'security_coordinator' || role === 'security_department';
    assert.equal(rolesHavePermission([role], 'training.manage'), isPlanner, role);
  }
  for (const role of ['employee', 'elected_official', 'manager'] as const) {
    assert.equal(rolesHavePermission([role], 'training.read'), true, role);
  }
  assert.equal(rolesHavePermission(['board_reader', 'duty_officer', 'administrator'], 'training.read'), false);
});

test('the board reader never reaches personal data: the organisation and the incident statistics only', () => {
  assert.deepEqual(rolePermissions.board_reader, [
    'organisation.read',
    'incidents.statistics',
    'protection_programme.follow_up',
  ]);
});

test('incident statistics are for the roles that follow incidents up, never for employees or officials', () => {
  const withStatistics = roles.filter((role) => rolesHavePermission([role], 'incidents.statistics'));
  assert.deepEqual(withStatistics.sort(), [
    'board_reader',
    'manager',
    'party_security_contact',
    'safety_representative',
    'security_coordinator',
    'security_department',
  ]);
});

test('every permission is held by some role', () => {
  for (const permission of permissions) {
    assert.ok(rolesHavePermission([...roles], permission), permission);
  }
});

test('roles that see sensitive data require a second factor, employees do not', () => {
  assert.equal(requiresSecondFactor(['employee']), false);
  assert.equal(requiresSecondFactor(['elected_official', 'board_reader']), false);
  assert.equal(requiresSecondFactor(['employee', 'manager']), true);
  assert.equal(requiresSecondFactor(['party_security_contact']), true);
});

test('threat cases reach only the manager, the security coordinator and the security department', () => {
  const withThreatCases = roles.filter((role) => rolesHavePermission([role], 'threat_cases.read'));
  assert.deepEqual(withThreatCases, ['manager', 'security_coordinator', 'security_department']);
  for (const role of roles) {
    assert.equal(
      rolesHavePermission([role], 'threat_cases.manage'),
      rolesHavePermission([role], 'threat_cases.read'),
      role,
    );
  }
});

test('risk analyses: the owners make them, only the security department answers escalations', () => {
  const owners = ['manager', 'security_coordinator', 'party_security_contact', 'security_department'];
  for (const role of roles) {
    assert.equal(rolesHavePermission([role], 'risk_analyses.manage'), owners.includes(role), role);
    assert.equal(rolesHavePermission([role], 'risk_analyses.answer_escalation'), role === 'security_department', role);
  }
});

test('security walks: managers, coordinators and the security department walk; the safety representative reads', () => {
  const walkers = ['manager', 'security_coordinator', 'security_department'];
  for (const role of roles) {
    assert.equal(rolesHavePermission([role], 'security_walks.manage'), walkers.includes(role), role);
    assert.equal(
      rolesHavePermission([role], 'security_walks.read'),
      [...walkers, 'safety_representative'].includes(role),
      role,
    );
    assert.equal(rolesHavePermission([role], 'checklist_templates.manage'), role === 'security_department', role);
  }
});

test('only the security department reads the notes of security conversations and manages the programme', () => {
  for (const role of roles) {
    const isSecurityDepartment = role === 'security_department';
    assert.equal(rolesHavePermission([role], 'protection_programme.read_notes'), isSecurityDepartment, role);
    assert.equal(rolesHavePermission([role], 'protection_programme.manage'), isSecurityDepartment, role);
  }
});

test('measures and action plans reach the manager, the security coordinator and the security department', () => {
  const withMeasures = roles.filter((role) => rolesHavePermission([role], 'measures.read'));
  assert.deepEqual(withMeasures, ['manager', 'security_coordinator', 'security_department']);
  for (const role of roles) {
    assert.equal(rolesHavePermission([role], 'measures.manage'), rolesHavePermission([role], 'measures.read'), role);
  }
});
