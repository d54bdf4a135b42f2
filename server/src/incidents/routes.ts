import {
  idParamsSchema,
  incidentFilterSchema,
  incidentReportSchema,
  incidentSchema,
  incidentStatisticsQuerySchema,
  incidentStatisticsSchema,
  incidentStatusChangeSchema,
  incidentSummarySchema,
  pageQuerySchema,
  pageSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { respondWithWrite } from '../platform/write.ts';
import { findIncidents, getIncident } from './read.ts';
import { reportIncident } from './report.ts';
import { getIncidentStatistics } from './statistics.ts';
import { moveIncident } from './workflow.ts';

export const incidentRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: Parameters<typeof actorOf>[0] & { id: string }) =>
    auditContextOf(actorOf(request), request.id);

  app.post(
    '/api/incidents',
    {
      config: { access: 'incidents.report' },
      schema: { tags: ['incidents'], body: incidentReportSchema, response: { 201: incidentSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        const id = await reportIncident(
          db,
          app.jobs,
          app.config.incidentReminderWorkingDays,
          actorOf(request),
          context(request),
          request.body,
        );
        return getIncident(db, actorOf(request), context(request), id);
      }),
  );
  app.get(
    '/api/incidents',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags: ['incidents'],
        querystring: pageQuerySchema.extend(incidentFilterSchema.shape),
        response: { 200: pageSchema(incidentSummarySchema) },
      },
    },
    async (request) => findIncidents(app.db, actorOf(request), request.query, request.query),
  );
  // Before '/api/incidents/:id' only for the reader: find-my-way prefers the static segment anyway.
  app.get(
    '/api/incidents/statistics',
    {
      config: { access: 'incidents.statistics' },
      schema: {
        tags: ['incidents'],
        querystring: incidentStatisticsQuerySchema,
        response: { 200: incidentStatisticsSchema },
      },
    },
    async (request) => getIncidentStatistics(app.db, actorOf(request), request.query),
  );
  app.get(
    '/api/incidents/:id',
    {
      config: { access: 'incidents.read' },
      schema: { tags: ['incidents'], params: idParamsSchema, response: { 200: incidentSchema } },
    },
    async (request) => getIncident(app.db, actorOf(request), context(request), request.params.id),
  );
  app.post(
    '/api/incidents/:id/status',
    {
      config: { access: 'incidents.handle' },
      schema: {
        tags: ['incidents'],
        params: idParamsSchema,
        body: incidentStatusChangeSchema,
        response: { 200: incidentSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, async (db) => {
        await moveIncident(db, app.jobs, actorOf(request), context(request), request.params.id, request.body);
        return getIncident(db, actorOf(request), context(request), request.params.id);
      }),
  );
};
