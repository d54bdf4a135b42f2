import { auditEntrySchema, pageQuerySchema, pageSchema } from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../access/authorize.ts';
import { actorOf } from '../access/route-access.ts';
import { decodeCursor, toPage } from '../platform/cursor.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  // Reading the audit log is itself not audited: it holds ids and actions, never the sensitive values.
  app.get(
    '/api/audit-entries',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], querystring: pageQuerySchema, response: { 200: pageSchema(auditEntrySchema) } },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'audit.read', {});
      let query = app.db
        .selectFrom('auditEntries as entry')
        .leftJoin('people as person', 'person.id', 'entry.actorPersonId')
        .leftJoin('auditSeals as seal', 'seal.entryId', 'entry.id')
        .select([
          'entry.id',
          'entry.occurredAt',
          'entry.action',
          'entry.resourceType',
          'entry.resourceId',
          'entry.reason',
          'seal.hash',
        ])
        .select((builder) =>
          builder.fn('concat_ws', [builder.val(' '), 'person.givenName', 'person.familyName']).as('actorName'),
        )
        .where('entry.tenantId', '=', actor.tenantId);
      if (request.query.after) {
        const [id] = decodeCursor(request.query.after, 1) as [number];
        query = query.where('entry.id', '<', id);
      }
      const rows = await query
        .orderBy('entry.id', 'desc')
        .limit(request.query.limit + 1)
        .execute();
      return toPage(
        rows,
        request.query.limit,
        (row) => ({
          id: row.id,
          occurredAt: new Date(row.occurredAt).toISOString(),
          actorName: (row.actorName as string | null) || null,
          action: row.action,
          resourceType: row.resourceType,
          resourceId: row.resourceId,
          reason: row.reason,
          isSealed: row.hash !== null,
        }),
        (row) => [row.id],
      );
    },
  );
};
