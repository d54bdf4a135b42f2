import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ActionPlan, Measure, MeasureDetail, MeasurePage, SourcelessMeasureInputValues } from '@varn/domain';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';
import { remindOfMeasure } from './reminders.ts';

describeEachDatabase('measures of every source, lists, reminders and action plans', (kind) => {
  let harness: TestApp;
  let coordinator: TestClient;
  let manager: TestClient;
  let managerPersonId: string;
  let coordinatorPersonId: string;
  const units = new Map<string, string>();
  before(async () => {
    harness = await createTestApp(kind);
    coordinator = await harness.signIn('security_coordinator');
    manager = await harness.signIn('manager');
    managerPersonId = (await manager.get('/api/auth/me')).json().personId;
    coordinatorPersonId = (await coordinator.get('/api/auth/me')).json().personId;
    const administrator = await harness.signIn('administrator');
    for (const unit of (await administrator.get('/api/org-units')).json().items as { id: string; code: string }[]) {
      units.set(unit.code, unit.id);
    }
  });
  after(() => harness.close());

  const unit = (code: string) => units.get(code) as string;
  const standalone = (overrides: Partial<SourcelessMeasureInputValues> = {}): SourcelessMeasureInputValues => ({
    title: 'Lås monteras på personalingången',
    category: 'lock',
    ownerPersonId: coordinatorPersonId,
    orgUnitId: unit('AMF-JT-JARVA'),
    dueOn: '2027-03-31',
    estimatedCostOre: 1_250_000,
    ...overrides,
  });
  const create = async (client: TestClient, overrides: Partial<SourcelessMeasureInputValues> = {}) => {
    const response = await client.post('/api/measures', standalone(overrides));
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as Measure;
  };

  test('postponing needs a reason and a new date: else problem+json and nothing stored', async () => {
    const measure = await create(coordinator);
    const historyBefore = await countRows(harness.db, 'measure_status_changes');
    for (const [body, path] of [
      [{ status: 'postponed', newDueOn: '2027-06-30' }, 'reason'],
      [{ status: 'postponed', reason: 'Låssmeden är fullbokad' }, 'newDueOn'],
      [{ status: 'cancelled' }, 'reason'],
    ] as const) {
      const refused = await coordinator.post(`/api/measures/${measure.id}/status`, body);
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(refused.json().errors[0].path, path);
    }
    assert.equal(await countRows(harness.db, 'measure_status_changes'), historyBefore);
    assert.equal(
      ((await coordinator.get(`/api/measures/${measure.id}`)).json() as MeasureDetail).measure.status,
      'planned',
    );

    const postponed = await coordinator.post(`/api/measures/${measure.id}/status`, {
      status: 'postponed',
      newDueOn: '2027-06-30',
      reason: 'Låssmeden är fullbokad',
    });
    assert.equal(postponed.statusCode, 200, postponed.body);
    const detail = (await coordinator.get(`/api/measures/${measure.id}`)).json() as MeasureDetail;
    assert.equal(detail.measure.status, 'postponed');
    assert.equal(detail.measure.dueOn, '2027-06-30');
    assert.equal(detail.measure.statusReason, 'Låssmeden är fullbokad');
    assert.deepEqual(
      detail.history.map((change) => [change.fromStatus, change.toStatus, change.dueOn, change.reason]),
      [
        [null, 'planned', '2027-03-31', ''],
        ['planned', 'postponed', '2027-06-30', 'Låssmeden är fullbokad'],
      ],
    );
    const done = await coordinator.post(`/api/measures/${measure.id}/status`, {
      status: 'done',
      completionNote: 'Lås monterat och kontrollerat vid säkerhetsvandringen.',
      actualCostOre: 1_100_000,
    });
    assert.equal(done.json().completionNote, 'Lås monterat och kontrollerat vid säkerhetsvandringen.');
    assert.equal(done.json().actualCostOre, 1_100_000);
  });

  test("measures are scoped by unit: another unit's manager and another tenant get 404", async () => {
    const atJarva = await create(coordinator, { ownerPersonId: coordinatorPersonId });
    const otherTenant = await harness.signIn('manager', 'other');
    for (const outsider of [manager, otherTenant]) {
      const answers = [
        await outsider.get(`/api/measures/${atJarva.id}`),
        await outsider.post(`/api/measures/${atJarva.id}/status`, { status: 'done' }),
        await outsider.get(`/api/org-units/${unit('AMF-JT-JARVA')}/measures`),
        await outsider.get(`/api/action-plans/administrations/${unit('AMF')}`),
      ];
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        [404, 404, 404, 404],
      );
    }
    const refused = await manager.post('/api/measures', standalone());
    assert.equal(refused.statusCode, 404, 'a manager cannot create a measure for another unit');

    // The manager's own unit, and the owner who sees their own measure through "my measures".
    const atCity = await create(manager, { orgUnitId: unit('AMF-JT-CITY'), ownerPersonId: managerPersonId });
    const cityList = (await manager.get(`/api/org-units/${unit('AMF-JT-CITY')}/measures`)).json() as MeasurePage;
    assert.ok(cityList.items.some((item) => item.id === atCity.id));
    const mine = (await manager.get('/api/measures/mine?limit=200')).json() as MeasurePage;
    assert.ok(mine.items.every((item) => item.owner?.personId === managerPersonId));
    assert.ok(mine.items.some((item) => item.id === atCity.id));
  });

  test('an administration list is keyset-paginated, filtered, and marks overdue measures', async () => {
    const overdue = await create(coordinator, { title: 'Försenad åtgärd', dueOn: '2020-01-15' });
    const first = (await coordinator.get(`/api/org-units/${unit('AMF')}/measures?limit=1`)).json() as MeasurePage;
    assert.equal(first.items.length, 1);
    assert.ok(first.nextCursor);
    const second = (
      await coordinator.get(`/api/org-units/${unit('AMF')}/measures?limit=1&after=${first.nextCursor}`)
    ).json() as MeasurePage;
    assert.notEqual(second.items[0]?.id, first.items[0]?.id);
    const overdueOnly = (await coordinator.get(`/api/org-units/${unit('AMF')}/measures?overdue=true&limit=200`)).json()
      .items as Measure[];
    assert.ok(overdueOnly.some((item) => item.id === overdue.id && item.isOverdue));
    assert.ok(overdueOnly.every((item) => item.isOverdue));
  });

  test('the overdue reminder is queued with the measure and fires once', async () => {
    const measure = await create(coordinator, { title: 'Påminn mig', dueOn: '2026-12-01' });
    const queued = await sql<{ kind: string }>`
      SELECT data->>'kind' AS kind FROM pgboss.job
      WHERE name = 'measure_reminder' AND data->>'measureId' = ${measure.id}`.execute(harness.db);
    assert.ok(queued.rows.some((row) => row.kind === 'overdue'));
    const job = {
      tenantId: await tenantOf(measure.id),
      measureId: measure.id,
      kind: 'overdue' as const,
      dueOn: '2026-12-01',
    };
    assert.equal(await remindOfMeasure(harness.db, job), true);
    assert.equal(await remindOfMeasure(harness.db, job), false, 'a second run of the job reminds nobody');
    const reminders = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM measure_reminders WHERE measure_id = ${measure.id}`.execute(harness.db);
    assert.equal(reminders.rows[0]?.count, 1);
    const detail = (await coordinator.get(`/api/measures/${measure.id}`)).json() as MeasureDetail;
    assert.deepEqual(
      detail.reminders.map((reminder) => [reminder.kind, reminder.dueOn]),
      [['overdue', '2026-12-01']],
    );

    const finished = await create(coordinator, { title: 'Redan klar', dueOn: '2026-12-01' });
    await coordinator.post(`/api/measures/${finished.id}/status`, { status: 'done' });
    const finishedJob = { ...job, measureId: finished.id };
    assert.equal(await remindOfMeasure(harness.db, finishedJob), false, 'a done measure is never reminded');
  });

  const tenantOf = async (measureId: string) =>
    (await harness.db.selectFrom('measures').select('tenantId').where('id', '=', measureId).executeTakeFirstOrThrow())
      .tenantId;

  test('a bulk status update changes all or nothing, and is audited', async () => {
    const first = await create(coordinator, { title: 'Bulk ett' });
    const second = await create(coordinator, { title: 'Bulk två' });
    const foreign = await create(await harness.signIn('security_department'), {
      title: 'Utanför samordnarens förvaltning',
      orgUnitId: unit('UTF-GY'),
    });
    const historyBefore = await countRows(harness.db, 'measure_status_changes');
    const refused = await coordinator.post('/api/measures/bulk-status', {
      measureIds: [first.id, second.id, foreign.id],
      status: 'in_progress',
    });
    assert.equal(refused.statusCode, 404, refused.body);
    assert.equal(await countRows(harness.db, 'measure_status_changes'), historyBefore, 'nothing stored');
    const read = async (id: string) => ((await coordinator.get(`/api/measures/${id}`)).json() as MeasureDetail).measure;
    assert.equal((await read(first.id)).status, 'planned');

    const noReason = await coordinator.post('/api/measures/bulk-status', {
      measureIds: [first.id, second.id],
      status: 'cancelled',
    });
    assert.equal(noReason.statusCode, 400);

    const auditBefore = await countRows(harness.db, 'audit_entries');
    const changed = await coordinator.post('/api/measures/bulk-status', {
      measureIds: [first.id, second.id],
      status: 'in_progress',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(
      (changed.json().items as Measure[]).map((item) => item.status),
      ['in_progress', 'in_progress'],
    );
    assert.equal(await countRows(harness.db, 'audit_entries'), auditBefore + 3);
  });

  test("the administration's action plan groups by category and stage, and exports to Word and PDF", async () => {
    const lock = await create(coordinator, { title: 'Kodlås till personalrummet', category: 'lock' });
    const training = await create(coordinator, { title: 'PDV-utbildning för Jobbtorg Järva', category: 'training' });
    await coordinator.post(`/api/measures/${training.id}/status`, { status: 'done' });
    const plan = (await coordinator.get(`/api/action-plans/administrations/${unit('AMF')}`)).json() as ActionPlan;
    assert.equal(plan.title, 'Handlingsplan – Arbetsmarknadsförvaltningen');
    const trainingGroup = plan.categories.find((group) => group.category === 'training');
    assert.ok(
      trainingGroup?.stages.find((stage) => stage.stage === 'done')?.measures.some((m) => m.id === training.id),
    );
    const lockGroup = plan.categories.find((group) => group.category === 'lock');
    assert.ok(lockGroup?.stages.find((stage) => stage.stage === 'planned')?.measures.some((m) => m.id === lock.id));

    const auditBefore = await countRows(harness.db, 'audit_entries');
    const word = await coordinator.get(`/api/action-plans/administrations/${unit('AMF')}/document.docx`);
    assert.equal(word.statusCode, 200);
    assert.match(String(word.headers['content-disposition']), /handlingsplan-.*\.docx/);
    const documentXml = await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')?.async('string');
    assert.ok(documentXml?.includes('Kodlås till personalrummet'));
    assert.ok(documentXml?.includes('PDV-utbildning för Jobbtorg Järva'));
    assert.ok(documentXml?.includes('Genomförda'));

    const pdf = await coordinator.get(`/api/action-plans/administrations/${unit('AMF')}/document.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    assert.ok(text.includes('Kodlås till personalrummet'), text.slice(0, 500));
    assert.ok(text.includes('PDV-utbildning för Jobbtorg Järva'));
    assert.equal(await countRows(harness.db, 'audit_entries'), auditBefore + 2, 'each export is audited');
  });
  test("a site's action plan holds the measures about the address; a board assignment names its decision", async () => {
    const administrator = await harness.signIn('administrator');
    const sites = (await administrator.get('/api/sites?limit=100')).json().items as { id: string; name: string }[];
    const jarvaSite = sites.find((site) => site.name === 'Jobbtorg Järva')?.id as string;
    const curtains = await create(coordinator, {
      title: 'Mörkläggningsgardiner i mötesrummen',
      category: 'perimeter_protection',
      siteId: jarvaSite,
    });
    const plan = (await coordinator.get(`/api/action-plans/sites/${jarvaSite}`)).json() as ActionPlan;
    assert.equal(plan.title, 'Handlingsplan – Jobbtorg Järva');
    const ids = plan.categories.flatMap((group) => group.stages.flatMap((stage) => stage.measures.map((m) => m.id)));
    assert.deepEqual(ids, [curtains.id]);
    assert.equal((await manager.get(`/api/action-plans/sites/${jarvaSite}`)).statusCode, 404);

    const unnamed = await coordinator.post('/api/measures', standalone({ sourceKind: 'board_assignment' }));
    assert.equal(unnamed.statusCode, 400);
    assert.equal(unnamed.json().errors[0].path, 'sourceReference');
    const assignment = await create(coordinator, {
      title: 'Redovisa åtgärderna för nämnden',
      sourceKind: 'board_assignment',
      sourceReference: 'AMN 2026-05-12 § 45',
    });
    assert.equal(assignment.sourceKind, 'board_assignment');
    assert.equal(assignment.sourceId, null);
    assert.equal(assignment.sourceReference, 'AMN 2026-05-12 § 45');
  });
});
