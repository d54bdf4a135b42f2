import {
  accessCandidateSchema,
  accessChangeInputSchema,
  caseUnitSchema,
  consultationInputSchema,
  idParamsSchema,
  listSchema,
  pageQuerySchema,
  pageSchema,
  preIntakeAssessmentInputSchema,
  reviewDateInputSchema,
  threatAssessmentInputSchema,
  threatAssessmentSchema,
  threatCaseInputSchema,
  threatCaseSchema,
  threatCaseSummarySchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { respondWithWrite } from '../platform/write.ts';
import { addToAccessList, findAccessCandidates, removeFromAccessList } from './access-list.ts';
import { assessThreatCase, setReviewDate } from './assessments.ts';
import { addConsultation } from './consultations.ts';
import { createThreatCase } from './create.ts';
import { addPreIntakeAssessment } from './pre-intake.ts';
import { findThreatCases, getThreatCase, listAssessments } from './read.ts';
import { findCaseUnits } from './units.ts';

export const threatCaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: Parameters<typeof actorOf>[0] & { id: string }) =>
    auditContextOf(actorOf(request), request.id);
  const key = app.config.secretKey;
  const tags = ['threat-cases'];

  // Writes answer with the case without home addresses (see getThreatCase): read them with GET.
  app.post(
    '/api/threat-cases',
    {
      config: { access: 'threat_cases.manage' },
      schema: { tags, body: threatCaseInputSchema, response: { 201: threatCaseSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        const id = await createThreatCase(db, key, actorOf(request), context(request), request.body);
        return getThreatCase(db, null, actorOf(request), context(request), id);
      }),
  );
  app.get(
    '/api/threat-case-units',
    {
      config: { access: 'threat_cases.manage' },
      schema: { tags, response: { 200: listSchema(caseUnitSchema) } },
    },
    async (request) => findCaseUnits(app.db, actorOf(request)),
  );
  app.get(
    '/api/threat-cases',
    {
      config: { access: 'threat_cases.read' },
      schema: { tags, querystring: pageQuerySchema, response: { 200: pageSchema(threatCaseSummarySchema) } },
    },
    async (request) => findThreatCases(app.db, actorOf(request), request.query),
  );
  // Reading a case names persons of concern: it answers only once its audit entry is stored. One
  // statement reads, one audits; no transaction around them (see getThreatCase).
  app.get(
    '/api/threat-cases/:id',
    {
      config: { access: 'threat_cases.read' },
      schema: { tags, params: idParamsSchema, response: { 200: threatCaseSchema } },
    },
    async (request) => getThreatCase(app.db, key, actorOf(request), context(request), request.params.id),
  );
  app.get(
    '/api/threat-cases/:id/assessments',
    {
      config: { access: 'threat_cases.read' },
      schema: { tags, params: idParamsSchema, response: { 200: listSchema(threatAssessmentSchema) } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        listAssessments(db, actorOf(request), context(request), request.params.id),
      ),
  );
  app.post(
    '/api/threat-cases/:id/assessments',
    {
      config: { access: 'threat_cases.manage' },
      schema: { tags, params: idParamsSchema, body: threatAssessmentInputSchema, response: { 201: threatCaseSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        await assessThreatCase(db, app.jobs, actorOf(request), context(request), request.params.id, request.body);
        return getThreatCase(db, null, actorOf(request), context(request), request.params.id);
      }),
  );
  app.post(
    '/api/threat-cases/:id/consultations',
    {
      config: { access: 'threat_cases.manage' },
      schema: { tags, params: idParamsSchema, body: consultationInputSchema, response: { 201: threatCaseSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        await addConsultation(db, actorOf(request), context(request), request.params.id, request.body);
        return getThreatCase(db, null, actorOf(request), context(request), request.params.id);
      }),
  );
  app.post(
    '/api/threat-cases/:id/pre-intake-assessments',
    {
      config: { access: 'threat_cases.manage' },
      schema: {
        tags,
        params: idParamsSchema,
        body: preIntakeAssessmentInputSchema,
        response: { 201: threatCaseSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        await addPreIntakeAssessment(db, actorOf(request), context(request), request.params.id, request.body);
        return getThreatCase(db, null, actorOf(request), context(request), request.params.id);
      }),
  );
  app.post(
    '/api/threat-cases/:id/review-date',
    {
      config: { access: 'threat_cases.manage' },
      schema: { tags, params: idParamsSchema, body: reviewDateInputSchema, response: { 200: threatCaseSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, async (db) => {
        const { nextReviewOn } = request.body;
        await setReviewDate(db, app.jobs, actorOf(request), context(request), request.params.id, nextReviewOn);
        return getThreatCase(db, null, actorOf(request), context(request), request.params.id);
      }),
  );
  app.get(
    '/api/threat-cases/:id/access-candidates',
    {
      config: { access: 'threat_cases.manage' },
      schema: { tags, params: idParamsSchema, response: { 200: listSchema(accessCandidateSchema) } },
    },
    async (request) => findAccessCandidates(app.db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/threat-cases/:id/access',
    {
      config: { access: 'threat_cases.manage' },
      schema: { tags, params: idParamsSchema, body: accessChangeInputSchema, response: { 201: threatCaseSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        await addToAccessList(db, actorOf(request), context(request), request.params.id, request.body);
        return getThreatCase(db, null, actorOf(request), context(request), request.params.id);
      }),
  );
  // Removal answers without the case: whoever removes themself may no longer read it.
  app.post(
    '/api/threat-cases/:id/access-removals',
    {
      config: { access: 'threat_cases.manage' },
      schema: { tags, params: idParamsSchema, body: accessChangeInputSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await respondWithWrite(request, reply, 204, (db) =>
        removeFromAccessList(db, actorOf(request), context(request), request.params.id, request.body),
      );
      return null;
    },
  );
};
