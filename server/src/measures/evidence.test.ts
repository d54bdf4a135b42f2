import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Incident, MeasureEvidence } from '@varn/domain';
import { threatAtDropIn } from '../testing/incident-reports.ts';
import { multipart, png, type Upload } from '../testing/multipart.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

function upload(client: TestClient, measureId: string, files: readonly Upload[]) {
  const body = multipart(files);
  return client.request({
    method: 'POST',
    url: `/api/measures/${measureId}/evidence`,
    payload: body.payload,
    headers: body.headers,
  });
}

describeEachDatabase('measure evidence', (kind) => {
  let harness: TestApp;
  let employee: TestClient;
  let manager: TestClient;
  let coordinator: TestClient;
  let measureId: string;
  let jarvaMeasureId: string;
  before(async () => {
    harness = await createTestApp(kind);
    employee = await harness.signIn('employee');
    manager = await harness.signIn('manager');
    coordinator = await harness.signIn('security_coordinator');
    const administrator = await harness.signIn('administrator');
    const sites = (await administrator.get('/api/sites?limit=100')).json().items as { id: string; name: string }[];
    const jarvaSiteId = sites.find((site) => site.name === 'Jobbtorg Järva')?.id as string;
    const decide = async (client: TestClient, incident: Incident) => {
      // Each measure owned by its decider: the owner reads their measure wherever it is.
      const ownerPersonId = (await client.get('/api/auth/me')).json().personId as string;
      const created = await client.post(`/api/incidents/${incident.id}/measures`, {
        title: 'Nytt lås på personalingången',
        ownerPersonId,
        dueOn: '2026-12-15',
      });
      assert.equal(created.statusCode, 201, created.body);
      return created.json().id as string;
    };
    const report = async (body = threatAtDropIn()) => (await employee.post('/api/incidents', body)).json() as Incident;
    measureId = await decide(manager, await report());
    jarvaMeasureId = await decide(
      coordinator,
      await report({ ...threatAtDropIn(), place: { kind: 'site', siteId: jarvaSiteId } }),
    );
  });
  after(() => harness.close());

  test('the manager uploads a photo and a PDF; readers list and download the same bytes, audited', async () => {
    const uploaded = await upload(manager, measureId, [
      { fileName: 'låset.png', content: png, contentType: 'image/png' },
      { fileName: 'beställning.pdf', content: pdf, contentType: 'application/pdf' },
    ]);
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const items = uploaded.json().items as MeasureEvidence[];
    assert.deepEqual(
      items.map((item) => [item.fileName, item.mediaType, item.byteSize]),
      [
        ['beställning.pdf', 'application/pdf', pdf.length],
        ['låset.png', 'image/png', png.length],
      ],
      'in upload order, files of one upload by name',
    );

    const listed = await manager.get(`/api/measures/${measureId}/evidence`);
    assert.equal(listed.statusCode, 200, listed.body);
    assert.deepEqual(listed.json().items, items);

    const reads = () =>
      harness.db
        .selectFrom('auditEntries')
        .select(['actorPersonId', 'details'])
        .where('resourceId', '=', measureId)
        .where('action', '=', 'measure.evidence.read')
        .execute();
    const before = (await reads()).length;
    const download = await manager.get(`/api/measures/${measureId}/evidence/${items[0]?.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    assert.deepEqual(download.rawPayload, pdf);
    const after = await reads();
    assert.equal(after.length, before + 1);
    assert.deepEqual(after.at(-1)?.details, { fileId: items[0]?.id });

    // Stored encrypted: the bytes in the database are not the file's.
    const stored = await harness.db
      .selectFrom('measureEvidenceFiles')
      .select('content')
      .where('id', '=', items[0]?.id as string)
      .executeTakeFirstOrThrow();
    assert.equal(Buffer.from(stored.content).includes(Buffer.from('%PDF')), false);
  });

  test('a .txt is refused with problem+json and nothing is stored', async () => {
    const before = await countRows(harness.db, 'measure_evidence_files');
    const refused = await upload(manager, measureId, [
      { fileName: 'lås.png', content: png },
      { fileName: 'anteckning.txt', content: Buffer.from('Låset är bytt.\n'), contentType: 'text/plain' },
    ]);
    assert.equal(refused.statusCode, 415, refused.body);
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(refused.json().errors[0].path, 'files.1');
    assert.equal(await countRows(harness.db, 'measure_evidence_files'), before);
  });

  test("another unit's manager, another tenant and a mere reporter get 404 on every evidence route", async () => {
    const uploaded = await upload(coordinator, jarvaMeasureId, [{ fileName: 'a.pdf', content: pdf }]);
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const fileId = (uploaded.json().items as MeasureEvidence[])[0]?.id;
    const before = await countRows(harness.db, 'measure_evidence_files');
    const otherTenant = await harness.signIn('manager', 'other');
    for (const outsider of [manager, otherTenant]) {
      const answers = [
        await upload(outsider, jarvaMeasureId, [{ fileName: 'b.pdf', content: pdf }]),
        await outsider.get(`/api/measures/${jarvaMeasureId}/evidence`),
        await outsider.get(`/api/measures/${jarvaMeasureId}/evidence/${fileId}`),
      ];
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        [404, 404, 404],
      );
    }
    // The reporter sees the incident's measures but is no reader of the measure itself.
    assert.equal((await employee.get(`/api/measures/${jarvaMeasureId}/evidence/${fileId}`)).statusCode, 404);
    assert.equal((await upload(employee, measureId, [{ fileName: 'c.pdf', content: pdf }])).statusCode, 403);
    assert.equal(await countRows(harness.db, 'measure_evidence_files'), before);
  });
});
