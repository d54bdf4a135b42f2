import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { problemSchema } from '@varn/domain';
import { bodyLimitBytes } from '../app.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('API conventions', (kind) => {
  let harness: TestApp;
  let administrator: TestClient;
  let unitId: string;
  before(async () => {
    harness = await createTestApp(kind);
    administrator = await harness.signIn('administrator');
    const units = (await administrator.get('/api/org-units')).json().items as { id: string; kind: string }[];
    unitId = (units.find((unit) => unit.kind === 'unit') as { id: string }).id;
  });
  after(() => harness.close());

  const validPerson = () => ({
    kind: 'employee',
    givenName: 'Test',
    familyName: `Person ${randomUUID().slice(0, 8)}`,
    unitId,
  });

  /** Asserts a problem+json answer with the code, both messages, and that nothing was stored. */
  async function assertRefused(responsePromise: ReturnType<TestClient['post']>, status: number, code: string) {
    const before = await countRows(harness.db, 'people');
    const response = await responsePromise;
    assert.equal(response.statusCode, status, response.body);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const problem = problemSchema.parse(response.json());
    assert.equal(problem.code, code);
    assert.ok(problem.message.sv.length > 0 && problem.message.en.length > 0);
    assert.equal(await countRows(harness.db, 'people'), before, 'nothing was stored');
    return problem;
  }

  test('malformed JSON answers 400 malformed_request', async () => {
    await assertRefused(
      administrator.request({
        method: 'POST',
        url: '/api/people',
        payload: '{"kind": "employee",',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed_request',
    );
  });

  test('wrong types and unknown fields name the failing fields in Swedish and English', async () => {
    const problem = await assertRefused(
      administrator.post('/api/people', { ...validPerson(), givenName: 42, kind: 'robot', isAdmin: true }),
      400,
      'validation_failed',
    );
    const paths = (problem.errors ?? []).map((error) => error.path);
    assert.ok(paths.includes('givenName'), paths.join());
    assert.ok(paths.includes('kind'), paths.join());
    assert.ok((problem.errors ?? []).some((error) => error.code === 'unrecognized_keys'));
    const kindError = problem.errors?.find((error) => error.path === 'kind');
    assert.notEqual(kindError?.message.sv, kindError?.message.en);
  });

  test('domain rules refuse with our own messages: an employee without a unit', async () => {
    const { unitId: _unit, ...withoutUnit } = validPerson();
    const problem = await assertRefused(administrator.post('/api/people', withoutUnit), 400, 'validation_failed');
    assert.deepEqual(problem.errors?.[0]?.message, {
      sv: 'En medarbetare hör till en enhet',
      en: 'An employee belongs to a unit',
    });
  });

  test('oversized bodies answer 413', async () => {
    await assertRefused(
      administrator.post('/api/people', { ...validPerson(), title: 'x'.repeat(bodyLimitBytes) }),
      413,
      'payload_too_large',
    );
  });

  test('too long text answers 400 and control characters are refused', async () => {
    await assertRefused(
      administrator.post('/api/people', { ...validPerson(), givenName: 'x'.repeat(101) }),
      400,
      'validation_failed',
    );
    await assertRefused(
      administrator.post('/api/people', { ...validPerson(), givenName: 'Anna\u0000' }),
      400,
      'validation_failed',
    );
  });

  test('invalid UUIDs in paths answer 400, never 500', async () => {
    const response = await administrator.get("/api/people/1' OR '1'='1");
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().code, 'validation_failed');
    assert.equal(response.json().errors[0].path, 'params.id');
  });

  test('a wrong content type answers 415', async () => {
    await assertRefused(
      administrator.request({
        method: 'POST',
        url: '/api/people',
        payload: 'kind=employee',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'unsupported_media_type',
    );
  });

  test('SQL and HTML in text fields are stored and returned verbatim, harmlessly', async () => {
    const hostile = {
      ...validPerson(),
      givenName: "Robert'); DROP TABLE people;--",
      title: '<script>alert(1)</script>',
    };
    const created = await administrator.post('/api/people', hostile);
    assert.equal(created.statusCode, 201, created.body);
    const read = (await administrator.get(`/api/people/${created.json().id}`)).json();
    assert.equal(read.givenName, hostile.givenName);
    assert.equal(read.title, hostile.title);
    assert.ok((await countRows(harness.db, 'people')) > 0);
  });

  test('the same Idempotency-Key twice creates one person and replays the first answer', async () => {
    const key = randomUUID();
    const person = validPerson();
    const before = await countRows(harness.db, 'people');
    const first = await administrator.post('/api/people', person, { 'idempotency-key': key });
    const second = await administrator.post('/api/people', person, { 'idempotency-key': key });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.equal(second.json().id, first.json().id);
    assert.equal(await countRows(harness.db, 'people'), before + 1);
  });

  test('concurrent retries with one key still create exactly one person', async () => {
    const key = randomUUID();
    const person = validPerson();
    const before = await countRows(harness.db, 'people');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => administrator.post('/api/people', person, { 'idempotency-key': key })),
    );
    assert.ok(responses.every((response) => response.statusCode === 201));
    assert.equal(new Set(responses.map((response) => response.json().id)).size, 1);
    assert.equal(await countRows(harness.db, 'people'), before + 1);
  });

  test('reusing a key for a different request answers 422', async () => {
    const key = randomUUID();
    await administrator.post('/api/people', validPerson(), { 'idempotency-key': key });
    await assertRefused(
      administrator.post('/api/people', validPerson(), { 'idempotency-key': key }),
      422,
      'idempotency_key_reused',
    );
  });

  test('a failed write leaves no partial data: a person with an unknown board stores nothing', async () => {
    const before = await countRows(harness.db, 'board_memberships');
    await assertRefused(
      administrator.post('/api/people', { ...validPerson(), boardIds: [randomUUID()] }),
      400,
      'validation_failed',
    );
    assert.equal(await countRows(harness.db, 'board_memberships'), before);
  });

  test('a duplicate e-mail answers 409 naming the field', async () => {
    const email = `${randomUUID()}@demo.varn.se`;
    assert.equal((await administrator.post('/api/people', { ...validPerson(), email })).statusCode, 201);
    const problem = await assertRefused(
      administrator.post('/api/people', { ...validPerson(), email }),
      409,
      'conflict',
    );
    assert.equal(problem.errors?.[0]?.path, 'email');
  });

  test('keyset pagination walks every person exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const query: string = after ? `&after=${after}` : '';
      const page = (await administrator.get(`/api/people?limit=7${query}`)).json() as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((person) => person.id));
      after = page.nextCursor;
    } while (after);
    assert.equal(seen.length, new Set(seen).size);
    const stored = await harness.db
      .selectFrom('people')
      .innerJoin('tenants', 'tenants.id', 'people.tenantId')
      .select((builder) => builder.fn.countAll<number>().as('count'))
      .where('tenants.slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    assert.equal(seen.length, Number(stored.count));
  });

  test('a forged cursor answers 400', async () => {
    const response = await administrator.get('/api/people?after=bm90LWEtY3Vyc29y');
    assert.equal(response.statusCode, 400);
  });

  test('health, readiness and the OpenAPI document answer without a session', async () => {
    assert.equal((await harness.app.inject({ url: '/healthz' })).json().status, 'ok');
    assert.equal((await harness.app.inject({ url: '/readyz' })).json().status, 'ok');
    const openapi = (await harness.app.inject({ url: '/api/openapi.json' })).json();
    assert.match(openapi.openapi, /^3\./);
    assert.ok(openapi.paths['/api/people']);
  });

  test('unknown API paths answer 404 problem+json', async () => {
    const response = await harness.app.inject({ url: '/api/no-such-thing' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().code, 'not_found');
  });
});
