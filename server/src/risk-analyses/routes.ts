import {
  escalationAnswerInputSchema,
  idParamsSchema,
  measureInputSchema,
  measureListSchema,
  measureSchema,
  measureStatusChangeSchema,
  riskAnalysisCreateSchema,
  riskAnalysisListQuerySchema,
  riskAnalysisListSchema,
  riskAnalysisSchema,
  riskDecisionInputSchema,
  riskHazardsUpdateSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { changeMeasureStatus, createMeasure, listMeasures } from '../measures/measures.ts';
import { respondWithWrite } from '../platform/write.ts';
import { answerEscalation, createRiskAnalysis, decideRiskAnalysis, updateHazards } from './analyses.ts';
import { findRiskAnalyses, getRiskAnalysis, getUnansweredEscalation } from './read.ts';

/** Risk analyses before activities; every write answers with the whole analysis. */
export const riskAnalysisRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: Parameters<typeof actorOf>[0] & { id: string }) =>
    auditContextOf(actorOf(request), request.id);

  app.get(
    '/api/risk-analyses',
    {
      config: { access: 'risk_analyses.read' },
      schema: {
        tags: ['risk-analyses'],
        querystring: riskAnalysisListQuerySchema,
        response: { 200: riskAnalysisListSchema },
      },
    },
    async (request) => findRiskAnalyses(app.db, actorOf(request), request.query),
  );
  app.post(
    '/api/risk-analyses',
    {
      config: { access: 'risk_analyses.manage' },
      schema: { tags: ['risk-analyses'], body: riskAnalysisCreateSchema, response: { 201: riskAnalysisSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        const id = await createRiskAnalysis(db, actorOf(request), context(request), request.body);
        return getRiskAnalysis(db, actorOf(request), context(request), id);
      }),
  );
  app.get(
    '/api/risk-analyses/:id',
    {
      config: { access: 'risk_analyses.read' },
      schema: { tags: ['risk-analyses'], params: idParamsSchema, response: { 200: riskAnalysisSchema } },
    },
    async (request) => getRiskAnalysis(app.db, actorOf(request), context(request), request.params.id),
  );
  // The duty officer's way in: the analysis they were told is waiting for the security department.
  app.get(
    '/api/risk-analyses/:id/unanswered-escalation',
    {
      config: { access: 'risk_analyses.read_unanswered_escalation' },
      schema: { tags: ['risk-analyses'], params: idParamsSchema, response: { 200: riskAnalysisSchema } },
    },
    async (request) => getUnansweredEscalation(app.db, actorOf(request), context(request), request.params.id),
  );
  app.post(
    '/api/risk-analyses/:id/hazards',
    {
      config: { access: 'risk_analyses.manage' },
      schema: {
        tags: ['risk-analyses'],
        params: idParamsSchema,
        body: riskHazardsUpdateSchema,
        response: { 200: riskAnalysisSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, async (db) => {
        await updateHazards(db, actorOf(request), context(request), request.params.id, request.body.hazards);
        return getRiskAnalysis(db, actorOf(request), context(request), request.params.id);
      }),
  );
  app.post(
    '/api/risk-analyses/:id/decision',
    {
      config: { access: 'risk_analyses.manage' },
      schema: {
        tags: ['risk-analyses'],
        params: idParamsSchema,
        body: riskDecisionInputSchema,
        response: { 200: riskAnalysisSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, async (db) => {
        await decideRiskAnalysis(
          db,
          app.jobs,
          app.config.riskEscalationReminderHours,
          actorOf(request),
          context(request),
          request.params.id,
          request.body,
        );
        return getRiskAnalysis(db, actorOf(request), context(request), request.params.id);
      }),
  );
  app.post(
    '/api/risk-analyses/:id/escalation-answer',
    {
      config: { access: 'risk_analyses.answer_escalation' },
      schema: {
        tags: ['risk-analyses'],
        params: idParamsSchema,
        body: escalationAnswerInputSchema,
        response: { 200: riskAnalysisSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, async (db) => {
        await answerEscalation(db, app.jobs, actorOf(request), context(request), request.params.id, request.body);
        return getRiskAnalysis(db, actorOf(request), context(request), request.params.id);
      }),
  );
  // The analysis's measures with owners are the generic measures, followed up under the analysis's own
  // permission: a party office manages them without handling incidents.
  app.get(
    '/api/risk-analyses/:id/measures',
    {
      config: { access: 'risk_analyses.read' },
      schema: { tags: ['risk-analyses'], params: idParamsSchema, response: { 200: measureListSchema } },
    },
    async (request) => listMeasures(app.db, actorOf(request), 'risk_analysis', request.params.id),
  );
  app.post(
    '/api/risk-analyses/:id/measures',
    {
      config: { access: 'risk_analyses.manage' },
      schema: {
        tags: ['risk-analyses'],
        params: idParamsSchema,
        body: measureInputSchema,
        response: { 201: measureSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) =>
        createMeasure(
          db,
          app.jobs,
          actorOf(request),
          context(request),
          'risk_analysis',
          request.params.id,
          request.body,
        ),
      ),
  );
  app.post(
    '/api/risk-analyses/measures/:id/status',
    {
      config: { access: 'risk_analyses.manage' },
      schema: {
        tags: ['risk-analyses'],
        params: idParamsSchema,
        body: measureStatusChangeSchema,
        response: { 200: measureSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        changeMeasureStatus(
          db,
          app.jobs,
          actorOf(request),
          context(request),
          request.params.id,
          request.body,
          'risk_analysis',
        ),
      ),
  );
};
