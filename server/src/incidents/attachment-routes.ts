import fastifyMultipart from '@fastify/multipart';
import { attachmentListSchema, attachmentParamsSchema, idParamsSchema } from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { receiveFiles, sendProtectedFile } from '../platform/uploaded-files.ts';
import { respondWithWrite } from '../platform/write.ts';
import {
  addAttachments,
  findIncidentToAttachTo,
  incidentUploadRules,
  listAttachments,
  readAttachment,
  removeAttachment,
} from './attachments.ts';

/**
 * Attachments of an incident. Multipart is registered in this plugin only: every other route keeps
 * refusing multipart bodies and keeps the app's 256 KB body limit.
 */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyMultipart);
  const { maxPerIncident } = app.config.attachments;
  const context = (request: Parameters<typeof actorOf>[0] & { id: string }) =>
    auditContextOf(actorOf(request), request.id);

  app.post(
    '/api/incidents/:id/attachments',
    {
      config: { access: 'incidents.report' },
      schema: {
        tags: ['incidents'],
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: attachmentListSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // Out of scope answers 404 before megabytes are read.
      await findIncidentToAttachTo(app.db, actor, request.params.id);
      const files = await receiveFiles(request, incidentUploadRules(app.config.attachments));
      // The Idempotency-Key's fingerprint covers the request body: here, what the files are.
      request.body = files.map((file) => ({ fileName: file.fileName, sha256: file.sha256 }));
      return respondWithWrite(request, reply, 201, async (db) => ({
        items: await addAttachments(
          db,
          app.config.secretKey,
          actor,
          context(request),
          request.params.id,
          files,
          maxPerIncident,
        ),
      }));
    },
  );
  app.get(
    '/api/incidents/:id/attachments',
    {
      config: { access: 'incidents.read' },
      schema: { tags: ['incidents'], params: idParamsSchema, response: { 200: attachmentListSchema } },
    },
    async (request) => ({ items: await listAttachments(app.db, actorOf(request), request.params.id) }),
  );
  app.get(
    '/api/incidents/:id/attachments/:attachmentId',
    {
      config: { access: 'incidents.read' },
      schema: { tags: ['incidents'], params: attachmentParamsSchema },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const attachment = await readAttachment(
        app.db,
        app.config.secretKey,
        actorOf(request),
        context(request),
        id,
        attachmentId,
      );
      return sendProtectedFile(reply, attachment);
    },
  );
  app.delete(
    '/api/incidents/:id/attachments/:attachmentId',
    {
      config: { access: 'incidents.report' },
      schema: { tags: ['incidents'], params: attachmentParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      await respondWithWrite(request, reply, 204, (db) =>
        removeAttachment(db, actorOf(request), context(request), id, attachmentId),
      );
      return null;
    },
  );
};
