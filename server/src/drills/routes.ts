import { drillInputSchema, drillListQuerySchema, drillSchema, listSchema, siteDrillStatusSchema } from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
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
