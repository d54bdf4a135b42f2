import {
  attendanceInputSchema,
  bulkCompletionInputSchema,
  completionImportResultSchema,
  completionSchema,
  courseInputSchema,
  courseSchema,
  coverageQuerySchema,
  coverageSchema,
  enrolmentInputSchema,
  idParamsSchema,
  listSchema,
  occasionDetailSchema,
  occasionInputSchema,
  occasionSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { maxImportBytes } from '../organisation/import.ts';
import { respondWithWrite } from '../platform/write.ts';
import {
  enrolPeople,
  importCompletionsCsv,
  listOwnCompletions,
  recordAttendance,
  recordBulkCompletions,
} from './completions.ts';
import {
  createCourse,
  createOccasion,
  getCourse,
  getOccasion,
  listCourses,
  listOccasions,
  updateCourse,
} from './courses.ts';
import { computeCoverage } from './coverage.ts';

const completionCountSchema = z.object({ completions: z.number().int() });

/** Training: courses and occasions, attendance and completions, coverage. */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  // E-learning exports arrive as CSV text, like HR exports (the organisation routes' parser is
  // scoped to their plugin, so this plugin declares its own).
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: maxImportBytes }, (_request, body, done) =>
    done(null, body),
  );
  const context = (request: Parameters<typeof actorOf>[0] & { id: string }) =>
    auditContextOf(actorOf(request), request.id);

  app.get(
    '/api/training/courses',
    {
      config: { access: 'training.read' },
      schema: { tags: ['training'], response: { 200: listSchema(courseSchema) } },
    },
    async (request) => listCourses(app.db, actorOf(request)),
  );
  app.get(
    '/api/training/courses/:id',
    {
      config: { access: 'training.read' },
      schema: { tags: ['training'], params: idParamsSchema, response: { 200: courseSchema } },
    },
    async (request) => getCourse(app.db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/training/courses',
    {
      config: { access: 'training.manage' },
      schema: { tags: ['training'], body: courseInputSchema, response: { 201: courseSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) => createCourse(db, actorOf(request), context(request), request.body)),
  );
  app.put(
    '/api/training/courses/:id',
    {
      config: { access: 'training.manage' },
      schema: { tags: ['training'], params: idParamsSchema, body: courseInputSchema, response: { 200: courseSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        updateCourse(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );

  app.get(
    '/api/training/courses/:id/occasions',
    {
      config: { access: 'training.read' },
      schema: { tags: ['training'], params: idParamsSchema, response: { 200: listSchema(occasionSchema) } },
    },
    async (request) => listOccasions(app.db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/training/courses/:id/occasions',
    {
      config: { access: 'training.manage' },
      schema: {
        tags: ['training'],
        params: idParamsSchema,
        body: occasionInputSchema,
        response: { 201: occasionSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) =>
        createOccasion(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );
  app.get(
    '/api/training/occasions/:id',
    {
      config: { access: 'training.manage' },
      schema: { tags: ['training'], params: idParamsSchema, response: { 200: occasionDetailSchema } },
    },
    async (request) => getOccasion(app.db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/training/occasions/:id/enrolments',
    {
      config: { access: 'training.manage' },
      schema: { tags: ['training'], params: idParamsSchema, body: enrolmentInputSchema, response: { 204: z.null() } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 204, async (db) => {
        await enrolPeople(db, actorOf(request), context(request), request.params.id, request.body.personIds);
        return null;
      }),
  );
  app.post(
    '/api/training/occasions/:id/attendance',
    {
      config: { access: 'training.manage' },
      schema: {
        tags: ['training'],
        params: idParamsSchema,
        body: attendanceInputSchema,
        response: { 200: completionCountSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        recordAttendance(
          db,
          app.jobs,
          actorOf(request),
          context(request),
          request.params.id,
          request.body.attendedPersonIds,
        ),
      ),
  );

  app.post(
    '/api/training/courses/:id/completions',
    {
      config: { access: 'training.manage' },
      schema: {
        tags: ['training'],
        params: idParamsSchema,
        body: bulkCompletionInputSchema,
        response: { 201: completionCountSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) =>
        recordBulkCompletions(db, app.jobs, actorOf(request), context(request), request.params.id, request.body),
      ),
  );
  app.post(
    '/api/training/courses/:id/completions/import',
    {
      config: { access: 'training.manage' },
      bodyLimit: maxImportBytes,
      schema: {
        tags: ['training'],
        params: idParamsSchema,
        body: z.string().min(1),
        response: { 200: completionImportResultSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        importCompletionsCsv(db, app.jobs, actorOf(request), context(request), request.params.id, request.body),
      ),
  );
  app.get(
    '/api/training/my-completions',
    {
      config: { access: 'training.read' },
      schema: { tags: ['training'], response: { 200: listSchema(completionSchema) } },
    },
    async (request) => listOwnCompletions(app.db, actorOf(request)),
  );
  app.get(
    '/api/training/coverage',
    {
      config: { access: 'training.read' },
      schema: { tags: ['training'], querystring: coverageQuerySchema, response: { 200: coverageSchema } },
    },
    async (request) => computeCoverage(app.db, actorOf(request), request.query),
  );
};
