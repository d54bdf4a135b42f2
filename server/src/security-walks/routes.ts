import {
  checklistTemplateInputSchema,
  checklistTemplateListSchema,
  checklistTemplateSchema,
  deviationMeasureInputSchema,
  finishWalkInputSchema,
  idParamsSchema,
  measureListSchema,
  measureSchema,
  securityWalkInputSchema,
  securityWalkSchema,
  siteSecurityWalksSchema,
  walkAnswersInputSchema,
  walkCoverageSchema,
  walkQuestionParamsSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { listMeasures } from '../measures/measures.ts';
import { respondWithWrite } from '../platform/write.ts';
import { getSiteSecurityWalks, getWalkCoverage } from './overview.ts';
import { walkPhotoRoutes } from './photo-routes.ts';
import {
  createChecklistTemplate,
  findChecklistTemplates,
  getChecklistTemplate,
  reviseChecklistTemplate,
} from './templates.ts';
import {
  createDeviationMeasure,
  createSecurityWalk,
  finishSecurityWalk,
  getSecurityWalk,
  saveWalkAnswers,
} from './walks.ts';

/** Checklist templates, security walks of sites, and their deviations turned into measures. */
export const securityWalkRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: Parameters<typeof actorOf>[0] & { id: string }) =>
    auditContextOf(actorOf(request), request.id);

  app.get(
    '/api/checklist-templates',
    {
      config: { access: 'security_walks.read' },
      schema: { tags: ['security-walks'], response: { 200: checklistTemplateListSchema } },
    },
    async (request) => findChecklistTemplates(app.db, actorOf(request)),
  );
  app.get(
    '/api/checklist-templates/:id',
    {
      config: { access: 'security_walks.read' },
      schema: { tags: ['security-walks'], params: idParamsSchema, response: { 200: checklistTemplateSchema } },
    },
    async (request) => getChecklistTemplate(app.db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/checklist-templates',
    {
      config: { access: 'checklist_templates.manage' },
      schema: {
        tags: ['security-walks'],
        body: checklistTemplateInputSchema,
        response: { 201: checklistTemplateSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) =>
        createChecklistTemplate(db, actorOf(request), context(request), request.body),
      ),
  );
  app.patch(
    '/api/checklist-templates/:id',
    {
      config: { access: 'checklist_templates.manage' },
      schema: {
        tags: ['security-walks'],
        params: idParamsSchema,
        body: checklistTemplateInputSchema,
        response: { 200: checklistTemplateSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        reviseChecklistTemplate(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/api/security-walks',
    {
      config: { access: 'security_walks.manage' },
      schema: { tags: ['security-walks'], body: securityWalkInputSchema, response: { 201: securityWalkSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) =>
        createSecurityWalk(db, actorOf(request), context(request), request.body),
      ),
  );
  app.get(
    '/api/security-walks/:id',
    {
      config: { access: 'security_walks.read' },
      schema: { tags: ['security-walks'], params: idParamsSchema, response: { 200: securityWalkSchema } },
    },
    async (request) => getSecurityWalk(app.db, actorOf(request), context(request), request.params.id),
  );
  app.patch(
    '/api/security-walks/:id/answers',
    {
      config: { access: 'security_walks.manage' },
      schema: {
        tags: ['security-walks'],
        params: idParamsSchema,
        body: walkAnswersInputSchema,
        response: { 200: securityWalkSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        saveWalkAnswers(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );
  app.post(
    '/api/security-walks/:id/finish',
    {
      config: { access: 'security_walks.manage' },
      schema: {
        tags: ['security-walks'],
        params: idParamsSchema,
        body: finishWalkInputSchema,
        response: { 200: securityWalkSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        finishSecurityWalk(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );
  app.post(
    '/api/security-walks/:id/deviations/:questionKey/measure',
    {
      config: { access: 'security_walks.manage' },
      schema: {
        tags: ['security-walks'],
        params: walkQuestionParamsSchema,
        body: deviationMeasureInputSchema,
        response: { 201: measureSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) =>
        createDeviationMeasure(
          db,
          app.jobs,
          actorOf(request),
          context(request),
          request.params.id,
          request.params.questionKey,
          request.body,
        ),
      ),
  );
  app.get(
    '/api/security-walks/:id/measures',
    {
      config: { access: 'security_walks.read' },
      schema: { tags: ['security-walks'], params: idParamsSchema, response: { 200: measureListSchema } },
    },
    async (request) => listMeasures(app.db, actorOf(request), 'security_walk', request.params.id),
  );

  app.get(
    '/api/sites/:id/security-walks',
    {
      config: { access: 'security_walks.read' },
      schema: { tags: ['security-walks'], params: idParamsSchema, response: { 200: siteSecurityWalksSchema } },
    },
    async (request) => getSiteSecurityWalks(app.db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/org-units/:id/security-walk-coverage',
    {
      config: { access: 'security_walks.read' },
      schema: { tags: ['security-walks'], params: idParamsSchema, response: { 200: walkCoverageSchema } },
    },
    async (request) => getWalkCoverage(app.db, actorOf(request), request.params.id),
  );
  await app.register(walkPhotoRoutes);
};
