import fastifyMultipart from '@fastify/multipart';
import {
  idParamsSchema,
  measureEvidenceLimits,
  measureEvidenceListSchema,
  measureEvidenceParamsSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { receiveFiles, sendProtectedFile } from '../platform/uploaded-files.ts';
import { respondWithWrite } from '../platform/write.ts';
import { addMeasureEvidence, listMeasureEvidence, measureEvidenceRules, readMeasureEvidence } from './evidence.ts';
import { findMeasureToChange } from './measures.ts';

/**
 * A measure's evidence of completion as files. Multipart is registered in this plugin only, as for
 * incidents' attachments: the other measure routes keep refusing multipart bodies. Added by those who
 * change the measure's status; read by the measure's readers (its owner among them, who holds no
 * `measures.read`: the service decides, as for the measure itself).
 */
export const measureEvidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyMultipart);
  const address = '/api/measures/:id/evidence';
  const rules = measureEvidenceRules(app.config.attachments.maxBytes, measureEvidenceLimits.maxPerMeasure);

  app.post(
    address,
    {
      config: { access: 'measures.manage' },
      schema: {
        tags: ['measures'],
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: measureEvidenceListSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // Out of scope answers 404 before megabytes are read.
      await findMeasureToChange(app.db, actor, request.params.id);
      const files = await receiveFiles(request, rules);
      // The Idempotency-Key's fingerprint covers the request body: here, what the files are.
      request.body = files.map((file) => ({ fileName: file.fileName, sha256: file.sha256 }));
      return respondWithWrite(request, reply, 201, async (db) => ({
        items: await addMeasureEvidence(
          db,
          app.config.secretKey,
          actor,
          auditContextOf(actor, request.id),
          request.params.id,
          files,
          rules,
        ),
      }));
    },
  );
  app.get(
    address,
    {
      config: { access: 'authenticated' },
      schema: { tags: ['measures'], params: idParamsSchema, response: { 200: measureEvidenceListSchema } },
    },
    async (request) => ({ items: await listMeasureEvidence(app.db, actorOf(request), request.params.id) }),
  );
  app.get(
    `${address}/:fileId`,
    {
      config: { access: 'authenticated' },
      schema: { tags: ['measures'], params: measureEvidenceParamsSchema },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await readMeasureEvidence(
        app.db,
        app.config.secretKey,
        actor,
        auditContextOf(actor, request.id),
        request.params.id,
        request.params.fileId,
      );
      return sendProtectedFile(reply, file);
    },
  );
};
