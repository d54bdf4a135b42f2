import { idParamsSchema, notificationSchema, pageQuerySchema, pageSchema } from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../access/route-access.ts';
import { AppError } from '../platform/app-error.ts';
import { decodeCursor, toPage } from '../platform/cursor.ts';
import { respondWithWrite } from '../platform/write.ts';
import { subjectColumnNames, subjectOfRow } from './tables.ts';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  // A person's own notifications: every signed-in person has them, and nobody else's.
  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        querystring: pageQuerySchema,
        response: { 200: pageSchema(notificationSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      let query = app.db
        .selectFrom('notifications')
        .select(['id', 'kind', ...subjectColumnNames, 'status', 'isSerious', 'createdAt', 'readAt'])
        .where('tenantId', '=', actor.tenantId)
        .where('recipientPersonId', '=', actor.personId);
      if (request.query.after) {
        const [createdAt, id] = decodeCursor(request.query.after, 2) as [string, string];
        query = query.where((builder) =>
          builder(builder.refTuple('createdAt', 'id'), '<', builder.tuple(new Date(createdAt), id)),
        );
      }
      const rows = await query
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(request.query.limit + 1)
        .execute();
      return toPage(
        rows,
        request.query.limit,
        (row) => ({
          id: row.id,
          kind: row.kind,
          subject: subjectOfRow(row),
          incidentId: row.incidentId,
          riskAnalysisId: row.riskAnalysisId,
          status: row.status,
          isSerious: row.isSerious,
          createdAt: new Date(row.createdAt).toISOString(),
          isRead: row.readAt !== null,
        }),
        (row) => [new Date(row.createdAt).toISOString(), row.id],
      );
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], params: idParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await respondWithWrite(request, reply, 204, async (db) => {
        const result = await db
          .updateTable('notifications')
          .set({ readAt: new Date() })
          .where('tenantId', '=', actor.tenantId)
          .where('recipientPersonId', '=', actor.personId)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw new AppError('not_found');
      });
      return null;
    },
  );
};
