import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { type Attachment, type Incident, type IncidentReportInput, problemSchema } from '@varn/domain';
import { multipart, png, type Upload } from '../testing/multipart.ts';
import {
  gpsMarker,
  jpegWithGps,
  jpegWithGpsAfterProfile,
  plainJpeg,
  plainPng,
  plainWebp,
  pngWithGps,
  webpWithGps,
} from '../testing/photos-with-gps.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
// The first bytes of the other accepted types, as file-type recognises them.
const withPadding = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.alloc(64)]);
const otherPictures = {
  // Whole JPEG and WebP files: their segments are followed to remove metadata, so a bare header
  // would be refused.
  'image/jpeg': plainJpeg,
  'image/gif': withPadding(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')),
  'image/webp': plainWebp,
  'image/heic': withPadding(Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')),
  'image/heif': withPadding(Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmif1\0\0\0\0mif1heic', 'latin1')),
};

function upload(
  client: TestClient,
  incidentId: string,
  files: readonly Upload[],
  headers: Record<string, string> = {},
) {
  const body = multipart(files);
  return client.request({
    method: 'POST',
    url: `/api/incidents/${incidentId}/attachments`,
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

const threat = (): IncidentReportInput => ({
  kind: 'incident',
  types: ['threat'],
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  place: { kind: 'free', description: 'Receptionen' },
  context: 'digital_channel',
  channel: 'social_media',
  description: 'Ett hotfullt meddelande kom via sociala medier.',
});

describeEachDatabase('incident attachments', (kind) => {
  let harness: TestApp;
  let employee: TestClient;
  let manager: TestClient;
  let incidentId: string;
  let jarvaIncidentId: string;
  before(async () => {
    // A small limit keeps the "too large" case quick; the default is 10 MB.
    harness = await createTestApp(kind, { ATTACHMENT_MAX_MB: '1', ATTACHMENTS_PER_INCIDENT: '5' });
    employee = await harness.signIn('employee');
    manager = await harness.signIn('manager');
    incidentId = (await employee.post('/api/incidents', threat())).json().id;
    const administrator = await harness.signIn('administrator');
    const sites = (await administrator.get('/api/sites?limit=100')).json().items as { id: string; name: string }[];
    const jarva = sites.find((site) => site.name === 'Jobbtorg Järva') as { id: string };
    jarvaIncidentId = (
      await employee.post('/api/incidents', { ...threat(), place: { kind: 'site', siteId: jarva.id } })
    ).json().id;
  });
  after(() => harness.close());

  const stored = async () => ({
    attachments: await countRows(harness.db, 'incident_attachments'),
    contents: await countRows(harness.db, 'attachment_contents'),
  });

  async function assertRefused(response: Awaited<ReturnType<typeof upload>>, status: number, code: string) {
    assert.equal(response.statusCode, status, response.body);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const problem = problemSchema.parse(response.json());
    assert.equal(problem.code, code);
    return problem;
  }

  test('the reporter uploads a PNG (201); the manager lists it and downloads the same bytes, with safe headers', async () => {
    const uploaded = await upload(employee, incidentId, [{ fileName: 'skärmbild hot.png', content: png }]);
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const [attachment] = uploaded.json().items as Attachment[];
    assert.equal(attachment?.fileName, 'skärmbild hot.png');
    assert.equal(attachment?.mediaType, 'image/png');
    assert.equal(attachment?.byteSize, png.length);

    const incident = (await manager.get(`/api/incidents/${incidentId}`)).json() as Incident;
    assert.deepEqual(
      incident.attachments.map((item) => item.id),
      [attachment?.id],
    );
    assert.equal(incident.canAddAttachments, true);

    const downloaded = await manager.get(`/api/incidents/${incidentId}/attachments/${attachment?.id}`);
    assert.equal(downloaded.statusCode, 200);
    assert.deepEqual(downloaded.rawPayload, png);
    assert.equal(downloaded.headers['content-type'], 'image/png');
    assert.match(
      String(downloaded.headers['content-disposition']),
      /^attachment; filename=".*"; filename\*=UTF-8''sk%C3%A4rmbild%20hot\.png$/,
    );
    assert.equal(downloaded.headers['x-content-type-options'], 'nosniff');
    assert.equal(downloaded.headers['cache-control'], 'private, no-store');
    assert.match(String(downloaded.headers['content-security-policy']), /sandbox/);

    // The content is stored encrypted: the PNG's bytes are not in the row.
    const row = await harness.db
      .selectFrom('attachmentContents')
      .select('content')
      .where('attachmentId', '=', attachment?.id as string)
      .executeTakeFirstOrThrow();
    assert.equal(Buffer.from(row.content).includes(png.subarray(16, 40)), false);
  });

  test('every download is audited as a read, without content or file name', async () => {
    const [attachment] = (await manager.get(`/api/incidents/${incidentId}/attachments`)).json().items as Attachment[];
    const reads = () =>
      harness.db
        .selectFrom('auditEntries')
        .select(['actorPersonId', 'details'])
        .where('resourceId', '=', incidentId)
        .where('action', '=', 'incident.attachment.read')
        .execute();
    const before = (await reads()).length;
    await manager.get(`/api/incidents/${incidentId}/attachments/${attachment?.id}`);
    const after = await reads();
    assert.equal(after.length, before + 1);
    assert.doesNotMatch(JSON.stringify(after.at(-1)?.details), /skärmbild|png/i);
    const adds = await harness.db
      .selectFrom('auditEntries')
      .select('details')
      .where('resourceId', '=', incidentId)
      .where('action', '=', 'incident.attachment.add')
      .execute();
    assert.equal(adds.length, 1);
    assert.doesNotMatch(JSON.stringify(adds[0]?.details), /skärmbild/);
  });

  test('JPEG, GIF, WebP, HEIC and HEIF are taken, each stored as the type its bytes show, not as its name says', async () => {
    const id = (await employee.post('/api/incidents', threat())).json().id as string;
    const sent = Object.entries(otherPictures).map(([, content], index) => ({
      fileName: `bild-${index}.png`,
      content,
      contentType: 'image/png',
    }));
    const uploaded = await upload(employee, id, sent);
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    assert.deepEqual(
      (uploaded.json().items as Attachment[]).map((item) => item.mediaType),
      Object.keys(otherPictures),
    );
  });

  test('JPEG, PNG and WebP photos are stored and served without their EXIF and GPS position', async () => {
    const id = (await employee.post('/api/incidents', threat())).json().id as string;
    const sent = [
      { fileName: 'foto.jpg', content: jpegWithGps(), plain: plainJpeg },
      { fileName: 'foto.png', content: pngWithGps(), plain: plainPng },
      { fileName: 'foto.webp', content: webpWithGps(), plain: plainWebp },
      {
        fileName: 'profil.jpg',
        content: jpegWithGpsAfterProfile().withGps,
        plain: jpegWithGpsAfterProfile().withoutGps,
      },
    ];
    for (const photo of sent) assert.ok(photo.content.includes(gpsMarker), 'the fixture carries no GPS position');
    const uploaded = await upload(employee, id, sent);
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const items = uploaded.json().items as Attachment[];
    for (const [index, photo] of sent.entries()) {
      const item = items[index] as Attachment;
      assert.equal(item.byteSize, photo.plain.length, `${photo.fileName}: the size is not that of what is stored`);
      const served = (await manager.get(`/api/incidents/${id}/attachments/${item.id}`)).rawPayload;
      assert.equal(served.includes(gpsMarker), false, `${photo.fileName} still holds the GPS position`);
      assert.equal(/Exif\0\0|eXIf|EXIF/.test(served.toString('latin1')), false, `${photo.fileName} still holds EXIF`);
      // Only the metadata went: the picture is byte for byte the one without it.
      assert.deepEqual(served, photo.plain, `${photo.fileName} changed beyond its metadata`);
    }
  });

  test('a JPEG or WebP whose structure cannot be followed answers 415 and stores nothing', async () => {
    const before = await stored();
    // The WebP's last chunk runs past its end; the JPEG's EXIF segment claims more bytes than there are.
    const brokenWebp = Buffer.from(plainWebp.subarray(0, plainWebp.length - 10));
    const brokenJpeg = Buffer.from(jpegWithGps().subarray(0, 30));
    for (const [fileName, content] of [
      ['trasig.webp', brokenWebp],
      ['trasig.jpg', brokenJpeg],
    ] as const) {
      await assertRefused(await upload(employee, incidentId, [{ fileName, content }]), 415, 'unsupported_media_type');
    }
    assert.deepEqual(await stored(), before);
  });

  test('a text file renamed .png answers 415 problem+json and stores nothing, not even the good file beside it', async () => {
    const before = await stored();
    const response = await upload(employee, incidentId, [
      { fileName: 'ok.pdf', content: pdf },
      { fileName: 'hot.png', content: Buffer.from('Jag vet var du bor.\n'), contentType: 'image/png' },
    ]);
    const problem = await assertRefused(response, 415, 'unsupported_media_type');
    assert.equal(problem.errors?.[0]?.path, 'files.1');
    assert.deepEqual(await stored(), before);
  });

  test('a file above the limit answers 413 problem+json and stores nothing', async () => {
    const before = await stored();
    const tooLarge = Buffer.concat([png, Buffer.alloc(1024 * 1024)]);
    const problem = await assertRefused(
      await upload(employee, incidentId, [{ fileName: 'stor.png', content: tooLarge }]),
      413,
      'payload_too_large',
    );
    assert.deepEqual(problem.message, { sv: 'Begäran är för stor.', en: 'The request is too large.' });
    assert.deepEqual(await stored(), before);
  });

  test('an incident holds at most the configured number of attachments', async () => {
    const id = (await employee.post('/api/incidents', threat())).json().id as string;
    const five = [1, 2, 3, 4, 5].map((number) => ({ fileName: `${number}.pdf`, content: pdf }));
    assert.equal((await upload(employee, id, five)).statusCode, 201);
    const before = await stored();
    await assertRefused(await upload(employee, id, [{ fileName: '6.pdf', content: pdf }]), 400, 'validation_failed');
    assert.deepEqual(await stored(), before);
  });

  test('the same Idempotency-Key twice stores the files once', async () => {
    const id = (await employee.post('/api/incidents', threat())).json().id as string;
    const key = randomUUID();
    const first = await upload(employee, id, [{ fileName: 'a.pdf', content: pdf }], { 'idempotency-key': key });
    const second = await upload(employee, id, [{ fileName: 'a.pdf', content: pdf }], { 'idempotency-key': key });
    assert.equal(second.statusCode, 201);
    assert.deepEqual(second.json(), first.json());
    assert.equal(((await employee.get(`/api/incidents/${id}`)).json() as Incident).attachments.length, 1);
  });

  test("another unit's manager gets 404 for the list, the download and an upload", async () => {
    const uploaded = await upload(employee, jarvaIncidentId, [{ fileName: 'bild.png', content: png }]);
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const attachmentId = uploaded.json().items[0].id as string;
    assert.equal((await manager.get(`/api/incidents/${jarvaIncidentId}/attachments`)).statusCode, 404);
    assert.equal((await manager.get(`/api/incidents/${jarvaIncidentId}/attachments/${attachmentId}`)).statusCode, 404);
    assert.equal((await manager.get(`/api/incidents/${incidentId}/attachments/${attachmentId}`)).statusCode, 404);
    const before = await stored();
    assert.equal((await upload(manager, jarvaIncidentId, [{ fileName: 'x.png', content: png }])).statusCode, 404);
    assert.deepEqual(await stored(), before);
  });

  test('another tenant gets 404, even with every id right', async () => {
    const [attachment] = (await manager.get(`/api/incidents/${incidentId}/attachments`)).json().items as Attachment[];
    const otherTenant = await harness.signIn('security_department', 'other');
    assert.equal((await otherTenant.get(`/api/incidents/${incidentId}/attachments`)).statusCode, 404);
    assert.equal((await otherTenant.get(`/api/incidents/${incidentId}/attachments/${attachment?.id}`)).statusCode, 404);
    assert.equal((await upload(otherTenant, incidentId, [{ fileName: 'x.png', content: png }])).statusCode, 404);
  });

  test("the reporter adds to their own incident, not to someone else's; the safety representative only looks", async () => {
    const byManager = (await manager.post('/api/incidents', threat())).json().id as string;
    const before = await stored();
    assert.equal((await upload(employee, byManager, [{ fileName: 'x.png', content: png }])).statusCode, 404);
    const safetyRepresentative = await harness.signIn('safety_representative');
    const seen = (await safetyRepresentative.get(`/api/incidents/${incidentId}`)).json() as Incident;
    assert.equal(seen.attachments.length, 1);
    assert.equal(seen.canAddAttachments, false);
    assert.equal(
      (await upload(safetyRepresentative, incidentId, [{ fileName: 'x.png', content: png }])).statusCode,
      404,
    );
    assert.deepEqual(await stored(), before);
  });

  const contentsOf = (attachmentId: string) =>
    harness.db
      .selectFrom('attachmentContents')
      .select('attachmentId')
      .where('attachmentId', '=', attachmentId)
      .execute();
  const removal = (client: TestClient, id: string, attachmentId: string) =>
    client.delete(`/api/incidents/${id}/attachments/${attachmentId}`);
  const incidentAs = async (client: TestClient, id: string) =>
    (await client.get(`/api/incidents/${id}`)).json() as Incident;

  test('the reporter removes their own upload: metadata and encrypted content are gone, audited, on the timeline', async () => {
    const id = (await employee.post('/api/incidents', threat())).json().id as string;
    const [mistake] = (await upload(employee, id, [{ fileName: 'fel bild.png', content: png }])).json()
      .items as Attachment[];
    const attachmentId = mistake?.id as string;
    assert.equal(mistake?.canRemove, true);
    assert.equal((await contentsOf(attachmentId)).length, 1);

    const removed = await removal(employee, id, attachmentId);
    assert.equal(removed.statusCode, 204, removed.body);
    assert.deepEqual(await contentsOf(attachmentId), []);
    const incident = await incidentAs(employee, id);
    assert.deepEqual(incident.attachments, []);
    assert.deepEqual(
      incident.timeline.filter((event) => event.kind === 'attachment_removed').map((event) => event.text),
      ['fel bild.png'],
    );
    assert.equal((await manager.get(`/api/incidents/${id}/attachments/${attachmentId}`)).statusCode, 404);
    const audit = await harness.db
      .selectFrom('auditEntries')
      .select('details')
      .where('resourceId', '=', id)
      .where('action', '=', 'incident.attachment.delete')
      .execute();
    assert.equal(audit.length, 1);
    assert.match(JSON.stringify(audit[0]?.details), new RegExp(attachmentId));
    assert.doesNotMatch(JSON.stringify(audit[0]?.details), /fel bild/);
    // Gone is gone: a second removal finds nothing.
    assert.equal((await removal(employee, id, attachmentId)).statusCode, 404);
  });

  test("the manager removes the reporter's file; the reporter may not remove the manager's", async () => {
    const id = (await employee.post('/api/incidents', threat())).json().id as string;
    const [byReporter] = (await upload(employee, id, [{ fileName: 'a.png', content: png }])).json()
      .items as Attachment[];
    const [byManager] = (await upload(manager, id, [{ fileName: 'kvitto.pdf', content: pdf }])).json()
      .items as Attachment[];
    const seenByReporter = await incidentAs(employee, id);
    assert.deepEqual(
      seenByReporter.attachments.map((item) => item.canRemove),
      [true, false],
    );
    const before = await stored();
    assert.equal((await removal(employee, id, byManager?.id as string)).statusCode, 404);
    assert.deepEqual(await stored(), before);
    assert.equal((await removal(manager, id, byReporter?.id as string)).statusCode, 204);
    assert.deepEqual(
      (await incidentAs(manager, id)).attachments.map((item) => item.fileName),
      ['kvitto.pdf'],
    );
  });

  test('the safety representative, another unit, another tenant and a wrong incident id get 404 and remove nothing', async () => {
    const [jarvaFile] = (await employee.get(`/api/incidents/${jarvaIncidentId}/attachments`)).json()
      .items as Attachment[];
    const [ownFile] = (await employee.get(`/api/incidents/${incidentId}/attachments`)).json().items as Attachment[];
    const safetyRepresentative = await harness.signIn('safety_representative');
    const otherTenant = await harness.signIn('security_department', 'other');
    assert.equal((await incidentAs(safetyRepresentative, incidentId)).attachments[0]?.canRemove, false);
    const before = await stored();
    for (const [client, id, attachmentId] of [
      [safetyRepresentative, incidentId, ownFile?.id],
      [manager, jarvaIncidentId, jarvaFile?.id],
      [otherTenant, incidentId, ownFile?.id],
      [employee, jarvaIncidentId, ownFile?.id],
    ] as const) {
      const response = await removal(client, id, attachmentId as string);
      await assertRefused(response, 404, 'not_found');
    }
    assert.deepEqual(await stored(), before);
  });

  test('nothing is removed from a closed incident (409) until it is reopened', async () => {
    const id = (await employee.post('/api/incidents', threat())).json().id as string;
    const [file] = (await upload(employee, id, [{ fileName: 'a.png', content: png }])).json().items as Attachment[];
    for (const status of ['acknowledged', 'closed']) {
      assert.equal((await manager.post(`/api/incidents/${id}/status`, { status })).statusCode, 200);
    }
    assert.equal((await incidentAs(manager, id)).attachments[0]?.canRemove, false);
    const before = await stored();
    const problem = await assertRefused(await removal(manager, id, file?.id as string), 409, 'incident_closed');
    assert.match(problem.message.sv, /avslutad/);
    await assertRefused(await removal(employee, id, file?.id as string), 409, 'incident_closed');
    assert.deepEqual(await stored(), before);

    const reopened = await manager.post(`/api/incidents/${id}/status`, {
      status: 'investigating',
      comment: 'Fel bild bifogad.',
    });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal((await removal(manager, id, file?.id as string)).statusCode, 204);
  });

  test('a JSON body instead of files answers 415', async () => {
    await assertRefused(
      await employee.post(`/api/incidents/${incidentId}/attachments`, {}),
      415,
      'unsupported_media_type',
    );
  });
});
