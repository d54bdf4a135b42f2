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

test('the board reader never reaches personal data', () => {
  assert.deepEqual(rolePermissions.board_reader, ['organisation.read']);
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
