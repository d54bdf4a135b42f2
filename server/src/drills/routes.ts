import {
  drillInputSchema,
  drillListQuerySchema,
  drillSchema,
  idParamsSchema,
  listSchema,
  measureInputSchema,
  measureListSchema,
  measureSchema,
  siteDrillStatusSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { createMeasure, listMeasures } from '../measures/measures.ts';
import { respondWithWrite } from '../platform/write.ts';
import { createDrill, findDrills, findSiteDrillStatus, getDrill } from './drills.ts';

export const drillRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['drills'];

  app.get(
    '/api/drills',
    {
      config: { access: 'drills.read' },
      schema: { tags, querystring: drillListQuerySchema, response: { 200: listSchema(drillSchema) } },
    },
    async (request) => findDrills(app.db, actorOf(request), request.query.siteId),
  );
  app.get(
    '/api/drill-sites',
    { config: { access: 'drills.read' }, schema: { tags, response: { 200: listSchema(siteDrillStatusSchema) } } },
    async (request) => findSiteDrillStatus(app.db, actorOf(request), app.config.drillIntervalMonths),
  );
  app.get(
    '/api/drills/:id',
    {
      config: { access: 'drills.read' },
      schema: { tags, params: idParamsSchema, response: { 200: drillSchema } },
    },
    async (request) => getDrill(app.db, actorOf(request), request.params.id),
  );
  // Follow-up measures from a drill's lessons: read by the drill's readers, decided by its planners.
  app.get(
    '/api/drills/:id/measures',
    {
      config: { access: 'drills.read' },
      schema: { tags, params: idParamsSchema, response: { 200: measureListSchema } },
    },
    async (request) => listMeasures(app.db, actorOf(request), 'drill', request.params.id),
  );
  app.post(
    '/api/drills/:id/measures',
    {
      config: { access: 'drills.manage' },
      schema: { tags, params: idParamsSchema, body: measureInputSchema, response: { 201: measureSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) => {
        const actor = actorOf(request);
        return createMeasure(
          db,
          app.jobs,
          actor,
          auditContextOf(actor, request.id),
          'drill',
          request.params.id,
          request.body,
        );
      }),
  );
  app.post(
    '/api/drills',
    { config: { access: 'drills.manage' }, schema: { tags, body: drillInputSchema, response: { 201: drillSchema } } },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        const actor = actorOf(request);
        const id = await createDrill(db, actor, auditContextOf(actor, request.id), request.body);
        return getDrill(db, actor, id);
      }),
  );
};
