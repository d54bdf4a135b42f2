import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Notification, RiskAnalysis, RiskAnalysisCreateValues, RiskAnalysisSummary } from '@varn/domain';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';
import { remindIfUnanswered } from './escalation.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describeEachDatabase('risk analyses', (kind) => {
  let harness: TestApp;
  let partyOffice: TestClient;
  let securityDepartment: TestClient;
  let manager: TestClient;
  let partyIds: Map<string, string>;
  let jobbtorgCityId: string;
  let managerPersonId: string;
  before(async () => {
    harness = await createTestApp(kind, { RISK_ESCALATION_REMINDER_HOURS: '2' });
    partyOffice = await harness.signIn('party_security_contact');
    securityDepartment = await harness.signIn('security_department');
    manager = await harness.signIn('manager');
    managerPersonId = (await manager.get('/api/auth/me')).json().personId;
    const parties = (await securityDepartment.get('/api/parties?limit=100')).json().items as {
      id: string;
      abbreviation: string;
    }[];
    partyIds = new Map(parties.map((party) => [party.abbreviation, party.id]));
    const units = (await securityDepartment.get('/api/org-units')).json().items as { id: string; code: string }[];
    jobbtorgCityId = units.find((unit) => unit.code === 'AMF-JT-CITY')?.id as string;
  });
  after(() => harness.close());

  const appearance = (party = 'S'): RiskAnalysisCreateValues => ({
    activityType: 'public_appearance',
    title: 'Torgmöte i Tensta',
    startsAt: inDays(7),
    place: 'Tensta torg',
    owner: { kind: 'party', partyId: partyIds.get(party) as string },
  });

  const create = async (client: TestClient, body: RiskAnalysisCreateValues) => {
    const response = await client.post('/api/risk-analyses', body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as RiskAnalysis;
  };

  test('a party office starts from the template, rates hazards and sees score, band and residual risk', async () => {
    const analysis = await create(partyOffice, appearance());
    assert.equal(analysis.status, 'draft');
    assert.ok(analysis.hazards.length >= 3, 'the template proposes hazards');
    assert.equal(analysis.hazards[0]?.hazard, 'Hot eller trakasserier i samband med framträdandet');
    assert.equal(analysis.riskLevel, null, 'nothing rated yet');

    const rated = await partyOffice.post(`/api/risk-analyses/${analysis.id}/hazards`, {
      hazards: [
        { ...analysis.hazards[0], likelihood: 3, consequence: 5, residualLikelihood: 2, residualConsequence: 4 },
        { ...analysis.hazards[1], likelihood: 2, consequence: 2 },
        { hazard: 'Ett filmande motdemonstrant följer efter', measure: '', likelihood: 4, consequence: 1 },
      ].map(({ hazard, measure, likelihood, consequence, residualLikelihood, residualConsequence }) => ({
        hazard,
        measure,
        likelihood,
        consequence,
        residualLikelihood: residualLikelihood ?? null,
        residualConsequence: residualConsequence ?? null,
      })),
    });
    assert.equal(rated.statusCode, 200, rated.body);
    const after = rated.json() as RiskAnalysis;
    assert.deepEqual(
      after.hazards.map((hazard) => [hazard.score, hazard.level, hazard.residualScore, hazard.residualLevel]),
      [
        [15, 'high', 8, 'moderate'],
        [4, 'low', null, null],
        [4, 'low', null, null],
      ],
    );
    assert.equal(after.riskLevel, 'high');
    assert.equal(after.residualRiskLevel, 'moderate');
    const listed = (await partyOffice.get('/api/risk-analyses')).json().items as RiskAnalysisSummary[];
    assert.equal(listed.find((item) => item.id === analysis.id)?.riskLevel, 'high');
  });

  test('go with measures needs a measure with an owner; a recurring activity copies the last analysis', async () => {
    const board = await create(manager, {
      activityType: 'board_meeting',
      title: 'Personalmöte Jobbtorg City',
      startsAt: inDays(3),
      owner: { kind: 'org_unit', orgUnitId: jobbtorgCityId },
    });
    const decide = () =>
      manager.post(`/api/risk-analyses/${board.id}/decision`, {
        decision: 'go_with_measures',
        justification: 'Vakt vid entrén.',
      });
    const refused = await decide();
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().errors[0].path, 'decision');
    const measure = await manager.post(`/api/risk-analyses/${board.id}/measures`, {
      title: 'Beställ ordningsvakt',
      ownerPersonId: managerPersonId,
      dueOn: '2026-12-01',
    });
    assert.equal(measure.statusCode, 201, measure.body);
    const decided = await decide();
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json().status, 'decided');
    const started = await manager.post(`/api/risk-analyses/measures/${measure.json().id}/status`, {
      status: 'in_progress',
    });
    assert.equal(started.statusCode, 200, started.body);
    assert.equal(started.json().status, 'in_progress');

    const next = await create(manager, {
      activityType: 'board_meeting',
      title: 'Personalmöte Jobbtorg City, januari',
      startsAt: inDays(30),
      owner: { kind: 'org_unit', orgUnitId: jobbtorgCityId },
      copyFromId: board.id,
    });
    assert.deepEqual(
      next.hazards.map((hazard) => hazard.hazard),
      board.hazards.map((hazard) => hazard.hazard),
    );
    assert.equal(next.decision, null, 'the decision is made anew');
  });

  test('an escalation tells the security department, which answers; unanswered, it is reminded once', async () => {
    const analysis = await create(partyOffice, appearance());
    const escalated = await partyOffice.post(`/api/risk-analyses/${analysis.id}/decision`, {
      decision: 'escalate',
      justification: 'Hot i sociala medier mot talaren; vi kan inte bedöma dem själva.',
    });
    assert.equal(escalated.statusCode, 200, escalated.body);
    assert.equal(escalated.json().status, 'escalated');

    const notificationsOf = async (client: TestClient, kindOf: Notification['kind']) =>
      ((await client.get('/api/notifications?limit=200')).json().items as Notification[]).filter(
        (item) => item.riskAnalysisId === analysis.id && item.kind === kindOf,
      );
    assert.equal((await notificationsOf(securityDepartment, 'risk_analysis_escalated')).length, 1);

    const jobs = await sql<{ startAfter: Date; data: { tenantId: string; escalatedAt: string } }>`
      SELECT start_after, data FROM pgboss.job
      WHERE name = 'risk_analysis_escalation' AND data->>'riskAnalysisId' = ${analysis.id}`.execute(harness.db);
    assert.equal(jobs.rows.length, 1, 'one check is queued with the escalation');
    const job = jobs.rows[0] as { startAfter: Date; data: { tenantId: string; escalatedAt: string } };
    const waited = new Date(job.startAfter).getTime() - Date.parse(job.data.escalatedAt);
    assert.ok(Math.abs(waited - 2 * 3_600_000) < 1000, 'after the configured hours');

    // The duty officer reads no analyses (need-to-know) until told of this one waiting for an answer.
    const dutyOfficer = await harness.signIn('duty_officer');
    const waiting = `/api/risk-analyses/${analysis.id}/unanswered-escalation`;
    assert.equal((await dutyOfficer.get(`/api/risk-analyses/${analysis.id}`)).statusCode, 403);
    assert.equal((await dutyOfficer.get(waiting)).statusCode, 404, 'not before the reminder');
    assert.equal((await partyOffice.get(waiting)).statusCode, 403, 'the party office reads it the usual way');

    const reminder = { tenantId: job.data.tenantId, riskAnalysisId: analysis.id, escalatedAt: job.data.escalatedAt };
    await remindIfUnanswered(harness.db, harness.app.jobs, reminder);
    await remindIfUnanswered(harness.db, harness.app.jobs, reminder);
    assert.equal((await notificationsOf(securityDepartment, 'risk_analysis_escalation_unanswered')).length, 1);
    assert.equal((await notificationsOf(dutyOfficer, 'risk_analysis_escalation_unanswered')).length, 1);
    const told = await dutyOfficer.get(waiting);
    assert.equal(told.statusCode, 200, told.body);
    assert.equal(told.json().title, analysis.title);
    assert.equal(told.json().mayManage, false);
    assert.equal(told.json().mayAnswer, false);
    const dutyOfficerId = (await dutyOfficer.get('/api/auth/me')).json().personId;
    const reads = await harness.db
      .selectFrom('auditEntries')
      .select('action')
      .where('actorPersonId', '=', dutyOfficerId)
      .where('resourceId', '=', analysis.id)
      .execute();
    assert.deepEqual(reads, [{ action: 'risk_analysis.read_unanswered_escalation' }], 'the read is audited');

    assert.equal(
      (
        await partyOffice.post(`/api/risk-analyses/${analysis.id}/escalation-answer`, {
          answer: 'accept',
          comment: 'x',
        })
      ).statusCode,
      403,
      'only the security department answers',
    );
    const answered = await securityDepartment.post(`/api/risk-analyses/${analysis.id}/escalation-answer`, {
      answer: 'advise',
      comment: 'Två värdar och polisen informerad; vi följer flödena.',
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().status, 'answered');
    assert.equal(answered.json().escalationAnswer, 'advise');
    assert.equal((await notificationsOf(partyOffice, 'risk_analysis_escalation_answered')).length, 1);
    assert.equal((await dutyOfficer.get(waiting)).statusCode, 404, 'answered, it no longer waits');
  });

  test("another party's office, another unit's manager and another tenant get 404", async () => {
    const moderates = await create(securityDepartment, appearance('M'));
    const securityPersonId = (await securityDepartment.get('/api/auth/me')).json().personId as string;
    const measure = await securityDepartment.post(`/api/risk-analyses/${moderates.id}/measures`, {
      title: 'Två värdar vid scenen',
      ownerPersonId: securityPersonId,
      dueOn: '2026-12-01',
    });
    assert.equal(measure.statusCode, 201, measure.body);
    const otherTenant = await harness.signIn('party_security_contact', 'other');
    for (const outsider of [partyOffice, manager, otherTenant]) {
      const answers = [
        await outsider.get(`/api/risk-analyses/${moderates.id}`),
        await outsider.post(`/api/risk-analyses/${moderates.id}/hazards`, { hazards: [] }),
        await outsider.post(`/api/risk-analyses/${moderates.id}/decision`, { decision: 'go', justification: 'Ok' }),
        await outsider.get(`/api/risk-analyses/${moderates.id}/measures`),
        await outsider.post(`/api/risk-analyses/measures/${measure.json().id}/status`, { status: 'done' }),
      ];
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        [404, 404, 404, 404, 404],
      );
      const listed = (await outsider.get('/api/risk-analyses')).json().items as RiskAnalysisSummary[];
      assert.ok(!listed.some((item) => item.id === moderates.id));
    }
  });

  test('bad input gives problem+json and stores nothing', async () => {
    const analysis = await create(partyOffice, appearance());
    const analysesBefore = await countRows(harness.db, 'risk_analyses');
    const hazardsBefore = await countRows(harness.db, 'risk_analysis_hazards');
    const refusals: [string, unknown, string][] = [
      ['/api/risk-analyses', { ...appearance(), activityType: 'picnic' }, 'activityType'],
      ['/api/risk-analyses', { ...appearance(), startsAt: 'i morgon' }, 'startsAt'],
      ['/api/risk-analyses', appearance('M'), 'owner.partyId'],
      [
        `/api/risk-analyses/${analysis.id}/hazards`,
        { hazards: [{ hazard: 'Störande publik', likelihood: 6, consequence: 2 }] },
        'hazards.0.likelihood',
      ],
      [
        `/api/risk-analyses/${analysis.id}/hazards`,
        { hazards: [{ hazard: 'Störande publik', likelihood: 3 }] },
        'hazards.0.consequence',
      ],
      [`/api/risk-analyses/${analysis.id}/decision`, { decision: 'go', justification: ' ' }, 'justification'],
    ];
    for (const [url, body, path] of refusals) {
      const response = await partyOffice.post(url, body);
      assert.equal(response.statusCode, 400, `${url} ${response.body}`);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(response.json().errors[0].path, path);
      assert.ok(response.json().errors[0].message.sv);
    }
    assert.equal(await countRows(harness.db, 'risk_analyses'), analysesBefore);
    assert.equal(await countRows(harness.db, 'risk_analysis_hazards'), hazardsBefore);
    const unchanged = (await partyOffice.get(`/api/risk-analyses/${analysis.id}`)).json() as RiskAnalysis;
    assert.equal(unchanged.hazards.length, analysis.hazards.length);
  });

  test('the list comes a page at a time, soonest first, with a cursor for the next page', async () => {
    // A party of its own, so that the other tests' analyses do not count.
    const owner = { kind: 'party' as const, partyId: partyIds.get('KD') as string };
    // Created out of order: the list orders by the activity's time.
    for (const day of [3, 1, 2, 4, 5]) {
      await create(securityDepartment, { ...appearance(), title: `Möte ${day}`, startsAt: inDays(20 + day), owner });
    }
    const titlesPageByPage = async (order: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const cursor: string = after ? `&after=${encodeURIComponent(after)}` : '';
        const page = (
          await securityDepartment.get(`/api/risk-analyses?limit=2&status=draft${order}${cursor}`)
        ).json() as {
          items: RiskAnalysisSummary[];
          nextCursor: string | null;
        };
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.filter((item) => item.owner.id === owner.partyId).map((item) => item.title));
        after = page.nextCursor;
        pages += 1;
      } while (after && pages < 100);
      assert.ok(pages >= 3);
      return seen;
    };
    const soonestFirst = ['Möte 1', 'Möte 2', 'Möte 3', 'Möte 4', 'Möte 5'];
    assert.deepEqual(await titlesPageByPage(''), soonestFirst, 'each once, soonest first');
    assert.deepEqual(await titlesPageByPage('&latestFirst=true'), soonestFirst.toReversed(), 'latest first');

    const bad = await securityDepartment.get('/api/risk-analyses?after=inte-en-markör');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(bad.json().errors[0].path, 'query.after');
  });
});
