import { idParamsSchema, jobListQuerySchema, jobSchema, pageSchema } from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { respondWithWrite } from '../platform/write.ts';
import { listJobs, retryJob } from './job-list.ts';

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  // Listing is not audited: a job shows its kind, state and a cleaned error, never its data.
  app.get(
    '/api/jobs',
    {
      config: { access: 'jobs.read' },
      schema: { tags: ['jobs'], querystring: jobListQuerySchema, response: { 200: pageSchema(jobSchema) } },
    },
    async (request) => listJobs(app.db, actorOf(request), request.query),
  );
  app.post(
    '/api/jobs/:id/retry',
    {
      config: { access: 'jobs.manage' },
      schema: { tags: ['jobs'], params: idParamsSchema, response: { 200: jobSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        retryJob(db, app.jobs, actorOf(request), auditContextOf(actorOf(request), request.id), request.params.id),
      ),
  );
};
