import {
  idParamsSchema,
  incidentCommentSchema,
  incidentCorrectionSchema,
  incidentFilterSchema,
  incidentNoticeSchema,
  incidentReportSchema,
  incidentSchema,
  incidentStatisticsQuerySchema,
  incidentStatisticsSchema,
  incidentStatusChangeSchema,
  incidentSummarySchema,
  incidentSummarySheetSchema,
  investigationUpdateSchema,
  pageQuerySchema,
  pageSchema,
  reportingSitesSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { findReportingSites } from '../organisation/sites.ts';
import { respondWithWrite } from '../platform/write.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import { exportIncidents } from './export.ts';
import {
  commentOnIncident,
  correctIncident,
  getSummarySheet,
  recordNotice,
  updateInvestigation,
} from './investigation.ts';
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
      respondWithWrite(request, reply, 201, (db) =>
        reportIncident(
          db,
          app.jobs,
          app.config.incidentReminderWorkingDays,
          actorOf(request),
          context(request),
          request.body,
        ),
      ),
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
  app.get(
    '/api/incidents/sites',
    {
      config: { access: 'incidents.report' },
      schema: { tags: ['incidents'], response: { 200: reportingSitesSchema } },
    },
    async (request) => findReportingSites(app.db, actorOf(request)),
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
    '/api/incidents/export',
    {
      config: { access: 'incidents.read' },
      schema: { tags: ['incidents'], querystring: incidentFilterSchema },
    },
    async (request, reply) => {
      const exported = await exportIncidents(app.db, actorOf(request), context(request), request.query);
      return (
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${exported.fileName}"`)
          .header('cache-control', 'no-store')
          // The row count lets the browser show how far a download has come.
          .header('x-row-count', String(exported.rowCount))
          .send(exported.stream)
      );
    },
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
  // The follow-up: each write answers with the whole incident, its timeline included.
  app.post(
    '/api/incidents/:id/comments',
    {
      // The reporter comments on their own report; others need incidents.handle (the service checks).
      config: { access: 'incidents.read' },
      schema: {
        tags: ['incidents'],
        params: idParamsSchema,
        body: incidentCommentSchema,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        await commentOnIncident(db, actorOf(request), context(request), request.params.id, request.body.text);
        return getIncident(db, actorOf(request), context(request), request.params.id);
      }),
  );
  app.post(
    '/api/incidents/:id/corrections',
    {
      // The reporter corrects their own report; others need incidents.handle (the service checks).
      config: { access: 'incidents.read' },
      schema: {
        tags: ['incidents'],
        params: idParamsSchema,
        body: incidentCorrectionSchema,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        await correctIncident(db, actorOf(request), context(request), request.params.id, request.body);
        return getIncident(db, actorOf(request), context(request), request.params.id);
      }),
  );
  app.patch(
    '/api/incidents/:id/investigation',
    {
      config: { access: 'incidents.handle' },
      schema: {
        tags: ['incidents'],
        params: idParamsSchema,
        body: investigationUpdateSchema,
        response: { 200: incidentSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, async (db) => {
        await updateInvestigation(db, actorOf(request), context(request), request.params.id, request.body);
        return getIncident(db, actorOf(request), context(request), request.params.id);
      }),
  );
  app.post(
    '/api/incidents/:id/notices',
    {
      config: { access: 'incidents.handle' },
      schema: {
        tags: ['incidents'],
        params: idParamsSchema,
        body: incidentNoticeSchema,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        await recordNotice(db, actorOf(request), context(request), request.params.id, request.body);
        return getIncident(db, actorOf(request), context(request), request.params.id);
      }),
  );
  app.get(
    '/api/incidents/:id/summary-sheet',
    {
      config: { access: 'incidents.handle' },
      schema: { tags: ['incidents'], params: idParamsSchema, response: { 200: incidentSummarySheetSchema } },
    },
    async (request) => getSummarySheet(app.db, actorOf(request), request.params.id),
  );
  await app.register(attachmentRoutes);
};
