import fastifyMultipart from '@fastify/multipart';
import { walkPhotoSchema, walkQuestionParamsSchema } from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { receiveFiles, sendProtectedFile } from '../platform/uploaded-files.ts';
import { respondWithWrite } from '../platform/write.ts';
import { findAnswerToPhotograph, readWalkPhoto, setWalkPhoto, walkPhotoRules } from './photos.ts';

/**
 * The photo of a walk's answer. Multipart is registered in this plugin only, as for incidents'
 * attachments: the other walk routes keep refusing multipart bodies.
 */
export const walkPhotoRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyMultipart);
  const address = '/api/security-walks/:id/answers/:questionKey/photo';

  app.put(
    address,
    {
      config: { access: 'security_walks.manage' },
      schema: {
        tags: ['security-walks'],
        consumes: ['multipart/form-data'],
        params: walkQuestionParamsSchema,
        response: { 200: walkPhotoSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, questionKey } = request.params;
      // Out of scope, finished or an unknown question answers before megabytes are read.
      await findAnswerToPhotograph(app.db, actor, id, questionKey);
      const [file] = await receiveFiles(request, walkPhotoRules(app.config.attachments.maxBytes));
      return respondWithWrite(request, reply, 200, (db) =>
        setWalkPhoto(
          db,
          app.config.secretKey,
          actor,
          auditContextOf(actor, request.id),
          id,
          questionKey,
          file as NonNullable<typeof file>,
        ),
      );
    },
  );
  app.get(
    address,
    {
      config: { access: 'security_walks.read' },
      schema: { tags: ['security-walks'], params: walkQuestionParamsSchema },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const photo = await readWalkPhoto(
        app.db,
        app.config.secretKey,
        actor,
        auditContextOf(actor, request.id),
        request.params.id,
        request.params.questionKey,
      );
      return sendProtectedFile(reply, photo);
    },
  );
};
