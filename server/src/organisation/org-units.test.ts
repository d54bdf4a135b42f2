import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { OrgUnit } from '@varn/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('organisation tree', (kind) => {
  let harness: TestApp;
  let administrator: TestClient;
  let units: OrgUnit[];
  before(async () => {
    harness = await createTestApp(kind);
    administrator = await harness.signIn('administrator');
    units = (await administrator.get('/api/org-units')).json().items;
  });
  after(() => harness.close());

  const byCode = (code: string) => units.find((unit) => unit.code === code) as OrgUnit;

  test('the demo tree has boards governing administrations, and parents come before children', () => {
    const administration = byCode('AMF');
    assert.equal(administration.kind, 'administration');
    assert.equal(administration.parentId, byCode('AMN').id);
    const positions = new Map(units.map((unit, index) => [unit.id, index]));
    for (const unit of units) {
      if (unit.parentId) assert.ok((positions.get(unit.parentId) as number) < (positions.get(unit.id) as number));
    }
  });

  test('a unit created under a department is found in the subtree scope of its administration', async () => {
    const created = await administrator.post('/api/org-units', {
      parentId: byCode('AMF-JT').id,
      kind: 'unit',
      name: 'Jobbtorg Skärholmen',
      code: 'AMF-JT-SKH',
    });
    assert.equal(created.statusCode, 201, created.body);
    const coordinator = await harness.signIn('security_coordinator');
    const seen = (await coordinator.get('/api/org-units')).json().items as OrgUnit[];
    assert.ok(seen.some((unit) => unit.id === created.json().id));
    assert.ok(!seen.some((unit) => unit.code === 'SLK'), 'the coordinator does not see the city executive office');
  });

  test('the tree keeps its shape: no department directly under a board, no unit at the top', async () => {
    const underBoard = await administrator.post('/api/org-units', {
      parentId: byCode('AMN').id,
      kind: 'department',
      name: 'Fel plats',
    });
    assert.equal(underBoard.statusCode, 400);
    assert.equal(underBoard.json().errors[0].path, 'kind');
    const atTop = await administrator.post('/api/org-units', { parentId: null, kind: 'unit', name: 'Föräldralös' });
    assert.equal(atTop.statusCode, 400);
    assert.equal(atTop.json().errors[0].path, 'parentId');
  });

  test('renaming is audited and a duplicate code answers 409', async () => {
    const renamed = await administrator.patch(`/api/org-units/${byCode('AMF-JT-SODER').id}`, {
      name: 'Jobbtorg Söder',
    });
    assert.equal(renamed.json().name, 'Jobbtorg Söder');
    const duplicate = await administrator.patch(`/api/org-units/${byCode('AMF-JT-SODER').id}`, { code: 'AMF-JT-CITY' });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().errors[0].path, 'code');
  });
});
