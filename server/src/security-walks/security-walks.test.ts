import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  type ChecklistTemplate,
  type ChecklistTemplateInputValues,
  type Measure,
  problemSchema,
  type SecurityWalk,
  type SecurityWalkInputValues,
  type SiteSecurityWalks,
  type WalkCoverage,
} from '@varn/domain';
import { multipart, png } from '../testing/multipart.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

const smallTemplate = (): ChecklistTemplateInputValues => ({
  name: `Skyddsrond test ${randomUUID().slice(0, 8)}`,
  sections: [
    {
      key: 'perimeter',
      title: 'Skalskydd',
      questions: [
        { key: 'rooms_lockable', text: 'Rum går att låsa inifrån', answerType: 'check' },
        { key: 'old_question', text: 'Nyckelskåpet är låst', answerType: 'check' },
      ],
    },
  ],
});

describeEachDatabase('security walks', (kind) => {
  let harness: TestApp;
  let coordinator: TestClient;
  let securityDepartment: TestClient;
  let manager: TestClient;
  let safetyRepresentative: TestClient;
  let coordinatorPersonId: string;
  let sites: { id: string; name: string; unitId: string }[];
  let officeTemplateId: string;
  let administrationId: string;
  const siteNamed = (name: string) => sites.find((site) => site.name === name) as { id: string; unitId: string };

  before(async () => {
    harness = await createTestApp(kind);
    coordinator = await harness.signIn('security_coordinator');
    securityDepartment = await harness.signIn('security_department');
    manager = await harness.signIn('manager');
    safetyRepresentative = await harness.signIn('safety_representative');
    coordinatorPersonId = (await coordinator.get('/api/auth/me')).json().personId;
    sites = (await securityDepartment.get('/api/sites?limit=100')).json().items;
    const templates = (await coordinator.get('/api/checklist-templates')).json().items as {
      id: string;
      name: string;
    }[];
    officeTemplateId = templates.find((template) => template.name === 'Skyddsrond kontor med reception')?.id as string;
    const units = (await securityDepartment.get('/api/org-units')).json().items as { id: string; code: string }[];
    administrationId = units.find((unit) => unit.code === 'AMF')?.id as string;
  });
  after(() => harness.close());

  const walkOf = (siteId: string, templateId = officeTemplateId): SecurityWalkInputValues => ({
    siteId,
    templateId,
    walkedOn: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()),
    participants: [
      { name: 'Karin Holm', role: 'manager' },
      { name: 'Ali Ek', role: 'safety_representative' },
      { name: 'Sara Berg', role: 'security_coordinator' },
    ],
  });
  const startWalk = async (client: TestClient, body: SecurityWalkInputValues) => {
    const response = await client.post('/api/security-walks', body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as SecurityWalk;
  };

  test('every tenant starts with the office and school checklists', async () => {
    const names = ((await coordinator.get('/api/checklist-templates')).json().items as { name: string }[]).map(
      (template) => template.name,
    );
    assert.deepEqual(names, ['Skyddsrond kontor med reception', 'Skyddsrond skola']);
    const office = (await safetyRepresentative.get(`/api/checklist-templates/${officeTemplateId}`)).json();
    assert.equal(office.version, 1);
    assert.ok(office.sections.some((section: { title: string }) => section.title === 'Mötesrum för riskfyllda möten'));
  });

  test('editing a template makes a new version; an old walk keeps the questions it was walked with', async () => {
    const created = await securityDepartment.post('/api/checklist-templates', smallTemplate());
    assert.equal(created.statusCode, 201, created.body);
    const template = created.json() as ChecklistTemplate;
    const oldWalk = await startWalk(coordinator, walkOf(siteNamed('Jobbtorg Söderort').id, template.id));

    const revised = await securityDepartment.patch(`/api/checklist-templates/${template.id}`, {
      ...smallTemplate(),
      sections: [
        {
          key: 'perimeter',
          title: 'Skalskydd och lås',
          questions: [{ key: 'rooms_lockable', text: 'Samtalsrum går att låsa inifrån', answerType: 'check' }],
        },
      ],
    });
    assert.equal(revised.statusCode, 200, revised.body);
    assert.equal(revised.json().version, 2);
    const refusedToCoordinator = await coordinator.patch(`/api/checklist-templates/${template.id}`, smallTemplate());
    assert.equal(refusedToCoordinator.statusCode, 403);

    const kept = (await coordinator.get(`/api/security-walks/${oldWalk.id}`)).json() as SecurityWalk;
    assert.equal(kept.template.version, 1);
    assert.deepEqual(
      kept.template.sections[0]?.questions.map((question) => question.text),
      ['Rum går att låsa inifrån', 'Nyckelskåpet är låst'],
    );
    const answered = await coordinator.patch(`/api/security-walks/${oldWalk.id}/answers`, {
      answers: [{ questionKey: 'old_question', result: 'ok' }],
    });
    assert.equal(answered.statusCode, 200, answered.body);

    const newWalk = await startWalk(coordinator, walkOf(siteNamed('Jobbtorg Söderort').id, template.id));
    assert.equal(newWalk.template.version, 2);
    assert.deepEqual(
      newWalk.template.sections[0]?.questions.map((question) => question.key),
      ['rooms_lockable'],
    );
    const removed = await coordinator.patch(`/api/security-walks/${newWalk.id}/answers`, {
      answers: [{ questionKey: 'old_question', result: 'ok' }],
    });
    assert.equal(removed.statusCode, 400);
    assert.equal(removed.json().errors[0].path, 'answers.0.questionKey');
  });

  test('a coordinator walks a site; a deviation becomes a prefilled, linked measure in one call', async () => {
    const jarva = siteNamed('Jobbtorg Järva');
    const walk = await startWalk(coordinator, walkOf(jarva.id));
    assert.equal(walk.status, 'in_progress');
    const saved = await coordinator.patch(`/api/security-walks/${walk.id}/answers`, {
      answers: [
        { questionKey: 'rooms_lockable', result: 'deviation', note: 'Vilrummet saknar lås.' },
        { questionKey: 'meeting_room_alarm', result: 'deviation', note: 'Ingen larmknapp i mötesrum 2.' },
        { questionKey: 'evacuation_routes', result: 'ok' },
        { questionKey: 'rooms_without_lock', number: 2 },
        { questionKey: 'reception_notes', note: 'Disken är hög och bred.' },
      ],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal((saved.json() as SecurityWalk).answers.length, 5);

    const turned = await coordinator.post(`/api/security-walks/${walk.id}/deviations/rooms_lockable/measure`, {
      ownerPersonId: coordinatorPersonId,
      dueOn: '2026-12-31',
    });
    assert.equal(turned.statusCode, 201, turned.body);
    const measure = turned.json() as Measure;
    assert.equal(measure.sourceKind, 'security_walk');
    assert.equal(measure.sourceId, walk.id);
    assert.equal(
      measure.title,
      'Jobbtorg Järva: Rum där personal kan behöva ta skydd går att låsa inifrån',
      'the title comes from the site and the question',
    );
    assert.equal(measure.description, 'Avvikelse vid skyddsrond: Vilrummet saknar lås.');
    assert.equal(measure.orgUnitId, jarva.unitId, 'the site’s unit is responsible');
    const again = await coordinator.post(`/api/security-walks/${walk.id}/deviations/rooms_lockable/measure`, {
      ownerPersonId: coordinatorPersonId,
      dueOn: '2026-12-31',
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'deviation_has_measure');
    const notADeviation = await coordinator.post(
      `/api/security-walks/${walk.id}/deviations/evacuation_routes/measure`,
      { ownerPersonId: coordinatorPersonId, dueOn: '2026-12-31' },
    );
    assert.equal(notADeviation.statusCode, 404);

    const linked = (await coordinator.get(`/api/security-walks/${walk.id}`)).json() as SecurityWalk;
    assert.equal(linked.answers.find((answer) => answer.questionKey === 'rooms_lockable')?.measureId, measure.id);
    const listed = (await safetyRepresentative.get(`/api/security-walks/${walk.id}/measures`)).json().items;
    assert.deepEqual(
      listed.map((item: Measure) => item.id),
      [measure.id],
    );

    const site = (await manager.get(`/api/sites/${jarva.id}/security-walks`)).statusCode;
    assert.equal(site, 404, 'the City manager does not see Järva');
    const overview = async () =>
      (await safetyRepresentative.get(`/api/sites/${jarva.id}/security-walks`)).json() as SiteSecurityWalks;
    assert.equal((await overview()).lastWalk?.id, walk.id);
    assert.equal((await overview()).lastWalk?.deviationCount, 2);
    assert.deepEqual(
      (await overview()).openDeviations.map((deviation) => deviation.questionKey),
      ['meeting_room_alarm', 'rooms_lockable'],
    );
    const done = await coordinator.post(`/api/measures/${measure.id}/status`, { status: 'done' });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(
      (await overview()).openDeviations.map((deviation) => deviation.questionKey),
      ['meeting_room_alarm'],
      'a deviation whose measure is done is no longer open',
    );

    const finished = await coordinator.post(`/api/security-walks/${walk.id}/finish`, {
      summary: 'Två avvikelser: lås i vilrummet och larmknapp i mötesrum 2.',
    });
    assert.equal(finished.statusCode, 200, finished.body);
    assert.equal(finished.json().status, 'finished');
    const late = await coordinator.patch(`/api/security-walks/${walk.id}/answers`, {
      answers: [{ questionKey: 'evacuation_routes', result: 'deviation', note: 'Blockerad' }],
    });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().code, 'security_walk_finished');

    const coverage = (
      await coordinator.get(`/api/org-units/${administrationId}/security-walk-coverage`)
    ).json() as WalkCoverage;
    const byName = new Map(coverage.items.map((item) => [item.siteName, item]));
    assert.equal(byName.get('Jobbtorg Järva')?.isWalkedWithinYear, true);
    assert.equal(byName.get('Jobbtorg City')?.isWalkedWithinYear, false);
    assert.equal(byName.get('Jobbtorg City')?.lastWalkedOn, null);
    assert.equal(byName.has('Stadshuset'), false, 'only the administration’s sites');

    const audited = await harness.db
      .selectFrom('auditEntries')
      .select('action')
      .where('resourceId', '=', walk.id)
      .execute();
    const actions = audited.map((entry) => entry.action);
    for (const action of [
      'security_walk.create',
      'security_walk.answer',
      'security_walk.read',
      'security_walk.finish',
    ]) {
      assert.ok(actions.includes(action), action);
    }
  });

  test("another unit's manager and another tenant get 404; the safety representative reads but does not walk", async () => {
    const jarva = siteNamed('Jobbtorg Järva');
    const walk = await startWalk(coordinator, walkOf(jarva.id));
    await coordinator.patch(`/api/security-walks/${walk.id}/answers`, {
      answers: [{ questionKey: 'rooms_lockable', result: 'deviation', note: 'Vilrummet saknar lås.' }],
    });
    const managerPersonId = (await manager.get('/api/auth/me')).json().personId;
    const otherTenant = await harness.signIn('manager', 'other');
    for (const outsider of [manager, otherTenant]) {
      const answers = [
        await outsider.get(`/api/security-walks/${walk.id}`),
        await outsider.patch(`/api/security-walks/${walk.id}/answers`, {
          answers: [{ questionKey: 'rooms_lockable', result: 'ok' }],
        }),
        await outsider.post(`/api/security-walks/${walk.id}/finish`, { summary: 'Klart' }),
        await outsider.post(`/api/security-walks/${walk.id}/deviations/rooms_lockable/measure`, {
          ownerPersonId: managerPersonId,
          dueOn: '2026-12-31',
        }),
        await outsider.get(`/api/security-walks/${walk.id}/measures`),
        await outsider.get(`/api/sites/${jarva.id}/security-walks`),
      ];
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        [404, 404, 404, 404, 404, 404],
      );
    }
    const startedElsewhere = await manager.post('/api/security-walks', walkOf(jarva.id));
    assert.equal(startedElsewhere.statusCode, 404);
    const ownSite = await manager.post('/api/security-walks', walkOf(siteNamed('Jobbtorg City').id));
    assert.equal(ownSite.statusCode, 201, 'a manager walks the sites of their own unit');
    const otherTenantCoverage = await otherTenant.get(`/api/org-units/${administrationId}/security-walk-coverage`);
    assert.equal(otherTenantCoverage.statusCode, 404);

    assert.equal((await safetyRepresentative.get(`/api/security-walks/${walk.id}`)).statusCode, 200);
    const notWalking = await safetyRepresentative.patch(`/api/security-walks/${walk.id}/answers`, {
      answers: [{ questionKey: 'rooms_lockable', result: 'ok' }],
    });
    assert.equal(notWalking.statusCode, 403);
  });

  test('bad input is refused with problem+json and nothing is stored', async () => {
    const walk = await startWalk(coordinator, walkOf(siteNamed('Jobbtorg Järva').id));
    const counts = async () =>
      Promise.all(['security_walks', 'security_walk_answers', 'measures'].map((table) => countRows(harness.db, table)));
    const before = await counts();
    const refusals: [Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>, string][] = [
      [
        coordinator.post('/api/security-walks', { ...walkOf(siteNamed('Jobbtorg Järva').id), participants: [] }),
        'participants',
      ],
      [
        coordinator.post('/api/security-walks', { ...walkOf(siteNamed('Jobbtorg Järva').id), walkedOn: '23/11' }),
        'walkedOn',
      ],
      [
        coordinator.post('/api/security-walks', {
          ...walkOf(siteNamed('Jobbtorg Järva').id),
          templateId: randomUUID(),
        }),
        'templateId',
      ],
      [coordinator.post('/api/security-walks', { ...walkOf(randomUUID()) }), 'siteId'],
      [
        coordinator.patch(`/api/security-walks/${walk.id}/answers`, {
          answers: [
            { questionKey: 'evacuation_routes', result: 'ok' },
            { questionKey: 'rooms_lockable', result: 'deviation', note: '' },
          ],
        }),
        'answers.1.note',
      ],
      [
        coordinator.patch(`/api/security-walks/${walk.id}/answers`, {
          answers: [
            { questionKey: 'evacuation_routes', result: 'ok' },
            { questionKey: 'rooms_without_lock', result: 'ok' },
          ],
        }),
        'answers.1.result',
      ],
      [coordinator.post(`/api/security-walks/${walk.id}/finish`, { summary: ' ' }), 'summary'],
      [securityDepartment.post('/api/checklist-templates', { ...smallTemplate(), sections: [] }), 'sections'],
    ];
    for (const [pending, path] of refusals) {
      const response = await pending;
      assert.equal(response.statusCode, 400, response.body);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const problem = problemSchema.parse(JSON.parse(response.body));
      assert.equal(problem.errors?.[0]?.path, path, response.body);
      assert.ok(problem.message.sv.length > 0);
    }
    assert.deepEqual(await counts(), before);
    const unchanged = (await coordinator.get(`/api/security-walks/${walk.id}`)).json() as SecurityWalk;
    assert.deepEqual(unchanged.answers, [], 'the valid first answer of a refused request was not kept');
  });

  test('a photo per answer: stored encrypted, replaced by a new one, served only to the walk’s readers', async () => {
    const jarva = siteNamed('Jobbtorg Järva');
    const walk = await startWalk(coordinator, walkOf(jarva.id));
    const photoUrl = (questionKey: string, walkId = walk.id) =>
      `/api/security-walks/${walkId}/answers/${questionKey}/photo`;
    const put = (client: TestClient, questionKey: string, fileName: string, content: Buffer) => {
      const body = multipart([{ fileName, content, contentType: 'image/png' }]);
      return client.request({
        method: 'PUT',
        url: photoUrl(questionKey),
        payload: body.payload,
        headers: body.headers,
      });
    };

    const first = await put(coordinator, 'rooms_lockable', 'dörr.png', png);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().mediaType, 'image/png');
    const secondPng = Buffer.concat([png, Buffer.from('extra bytes after IEND')]);
    const replaced = await put(coordinator, 'rooms_lockable', 'dörr-2.png', secondPng);
    assert.equal(replaced.statusCode, 200, replaced.body);

    const read = (await safetyRepresentative.get(`/api/security-walks/${walk.id}`)).json() as SecurityWalk;
    assert.deepEqual(
      read.photos.map((photo) => [photo.questionKey, photo.fileName, photo.byteSize]),
      [['rooms_lockable', 'dörr-2.png', secondPng.length]],
      'one photo per answer: the new one replaced the old',
    );
    const download = await safetyRepresentative.get(photoUrl('rooms_lockable'));
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, secondPng);
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    const stored = await harness.db
      .selectFrom('securityWalkPhotos')
      .select('content')
      .where('walkId', '=', walk.id)
      .executeTakeFirstOrThrow();
    assert.equal(Buffer.from(stored.content).includes(Buffer.from('IEND')), false, 'the content is encrypted');

    const otherTenant = await harness.signIn('security_coordinator', 'other');
    for (const outsider of [manager, otherTenant]) {
      assert.equal((await outsider.get(photoUrl('rooms_lockable'))).statusCode, 404);
      assert.equal((await put(outsider, 'rooms_lockable', 'x.png', png)).statusCode, 404);
    }
    assert.equal((await put(safetyRepresentative, 'rooms_lockable', 'x.png', png)).statusCode, 403);
    assert.equal((await put(coordinator, 'no_such_question', 'x.png', png)).statusCode, 404);

    const photos = () => countRows(harness.db, 'security_walk_photos');
    const before = await photos();
    const notAPhoto = await put(coordinator, 'evacuation_routes', 'lista.png', Buffer.from('%PDF-1.4\n%%EOF\n'));
    assert.equal(notAPhoto.statusCode, 415, notAPhoto.body);
    assert.match(String(notAPhoto.headers['content-type']), /^application\/problem\+json/);
    assert.equal(problemSchema.parse(notAPhoto.json()).errors?.[0]?.path, 'files.0');
    const twoFiles = multipart([
      { fileName: 'a.png', content: png },
      { fileName: 'b.png', content: png },
    ]);
    const tooMany = await coordinator.request({
      method: 'PUT',
      url: photoUrl('evacuation_routes'),
      payload: twoFiles.payload,
      headers: twoFiles.headers,
    });
    assert.equal(tooMany.statusCode, 413, tooMany.body);
    assert.equal(await photos(), before, 'a refused photo stores nothing');

    const finished = await coordinator.post(`/api/security-walks/${walk.id}/finish`, { summary: 'Klart' });
    assert.equal(finished.statusCode, 200, finished.body);
    assert.equal((await put(coordinator, 'evacuation_routes', 'sen.png', png)).statusCode, 409);
    const audited = await harness.db
      .selectFrom('auditEntries')
      .select(['action', 'details'])
      .where('resourceId', '=', walk.id)
      .where('action', 'like', 'security_walk.photo.%')
      .execute();
    assert.deepEqual(audited.map((entry) => entry.action).sort(), [
      'security_walk.photo.add',
      'security_walk.photo.add',
      'security_walk.photo.read',
    ]);
    assert.doesNotMatch(JSON.stringify(audited), /dörr/, 'file names stay out of the log');
  });
});
