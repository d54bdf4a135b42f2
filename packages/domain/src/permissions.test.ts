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
