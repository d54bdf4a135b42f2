import {
  actionPlanSchema,
  idParamsSchema,
  measureBulkStatusChangeSchema,
  measureDetailSchema,
  measureInputSchema,
  measureListQuerySchema,
  measureListSchema,
  measurePageSchema,
  measureSchema,
  measureStatusChangeSchema,
  sourcelessMeasureInputSchema,
} from '@varn/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { respondWithWrite } from '../platform/write.ts';
import { actionPlanToPdf, actionPlanToWord } from './action-plan-documents.ts';
import { type ActionPlanSubject, buildActionPlan } from './action-plans.ts';
import { measureEvidenceRoutes } from './evidence-routes.ts';
import {
  changeMeasureStatus,
  changeMeasureStatuses,
  createMeasure,
  createSourcelessMeasure,
  findMyMeasures,
  findUnitMeasures,
  getMeasureDetail,
  listMeasures,
} from './measures.ts';

const documentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/**
 * Measures of every source: an incident's are decided under `incidents.handle` and read by the
 * incident's readers; standalone ones, status changes and the lists under `measures.*` in the grant's
 * scope; "my measures" and one's own measure for anyone signed in.
 */
export const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: Parameters<typeof actorOf>[0] & { id: string }) =>
    auditContextOf(actorOf(request), request.id);

  app.get(
    '/api/incidents/:id/measures',
    {
      config: { access: 'incidents.read' },
      schema: { tags: ['measures'], params: idParamsSchema, response: { 200: measureListSchema } },
    },
    async (request) => listMeasures(app.db, actorOf(request), 'incident', request.params.id),
  );
  app.post(
    '/api/incidents/:id/measures',
    {
      config: { access: 'incidents.handle' },
      schema: {
        tags: ['measures'],
        params: idParamsSchema,
        body: measureInputSchema,
        response: { 201: measureSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) =>
        createMeasure(db, app.jobs, actorOf(request), context(request), 'incident', request.params.id, request.body),
      ),
  );
  app.post(
    '/api/measures',
    {
      config: { access: 'measures.manage' },
      schema: { tags: ['measures'], body: sourcelessMeasureInputSchema, response: { 201: measureSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) =>
        createSourcelessMeasure(db, app.jobs, actorOf(request), context(request), request.body),
      ),
  );
  // Anyone signed in: their own measures only.
  app.get(
    '/api/measures/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['measures'], querystring: measureListQuerySchema, response: { 200: measurePageSchema } },
    },
    async (request) => findMyMeasures(app.db, actorOf(request), request.query),
  );
  app.get(
    '/api/org-units/:id/measures',
    {
      config: { access: 'measures.read' },
      schema: {
        tags: ['measures'],
        params: idParamsSchema,
        querystring: measureListQuerySchema,
        response: { 200: measurePageSchema },
      },
    },
    async (request) => findUnitMeasures(app.db, actorOf(request), request.params.id, request.query),
  );
  // The owner reads their own measure without `measures.read`; the service decides the scope.
  app.get(
    '/api/measures/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['measures'], params: idParamsSchema, response: { 200: measureDetailSchema } },
    },
    async (request) => getMeasureDetail(app.db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/measures/:id/status',
    {
      // Every role that handles incidents also manages measures; the service checks the measure's
      // unit (or, for an incident's measure, the handling of the incident).
      config: { access: 'measures.manage' },
      schema: {
        tags: ['measures'],
        params: idParamsSchema,
        body: measureStatusChangeSchema,
        response: { 200: measureSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        changeMeasureStatus(db, app.jobs, actorOf(request), context(request), request.params.id, request.body),
      ),
  );
  app.post(
    '/api/measures/bulk-status',
    {
      config: { access: 'measures.manage' },
      schema: { tags: ['measures'], body: measureBulkStatusChangeSchema, response: { 200: measureListSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        changeMeasureStatuses(db, app.jobs, actorOf(request), context(request), request.body),
      ),
  );

  for (const kind of ['administration', 'site'] as const) {
    const base = `/api/action-plans/${kind === 'administration' ? 'administrations' : 'sites'}/:id`;
    app.get(
      base,
      {
        config: { access: 'measures.read' },
        schema: { tags: ['measures'], params: idParamsSchema, response: { 200: actionPlanSchema } },
      },
      async (request) =>
        buildActionPlan(app.db, actorOf(request), context(request), { kind, id: request.params.id }, 'view'),
    );
    for (const format of ['docx', 'pdf'] as const) {
      app.get(
        `${base}/document.${format}`,
        { config: { access: 'measures.read' }, schema: { tags: ['measures'], params: idParamsSchema } },
        async (request, reply) => {
          const subject: ActionPlanSubject = { kind, id: request.params.id };
          const plan = await buildActionPlan(app.db, actorOf(request), context(request), subject, format);
          const file = format === 'docx' ? await actionPlanToWord(plan) : await actionPlanToPdf(plan);
          return sendDocument(reply, file, format, `handlingsplan-${plan.generatedAt.slice(0, 10)}.${format}`);
        },
      );
    }
  }
  await app.register(measureEvidenceRoutes);
};

function sendDocument(reply: FastifyReply, file: Buffer, format: 'docx' | 'pdf', fileName: string) {
  return reply
    .header('content-type', documentTypes[format])
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(file);
}
