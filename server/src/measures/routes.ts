import {
  idParamsSchema,
  measureInputSchema,
  measureListSchema,
  measureSchema,
  measureStatusChangeSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { respondWithWrite } from '../platform/write.ts';
import { changeMeasureStatus, createMeasure, listMeasures } from './measures.ts';

/** Measures, for now of incidents; handled under `incidents.handle`, read by the incident's readers. */
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
        createMeasure(db, actorOf(request), context(request), 'incident', request.params.id, request.body),
      ),
  );
  app.post(
    '/api/measures/:id/status',
    {
      config: { access: 'incidents.handle' },
      schema: {
        tags: ['measures'],
        params: idParamsSchema,
        body: measureStatusChangeSchema,
        response: { 200: measureSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        changeMeasureStatus(db, actorOf(request), context(request), request.params.id, request.body.status),
      ),
  );
};
