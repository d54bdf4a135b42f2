import {
  conversationInputSchema,
  type Enrolment,
  enrolmentCandidateSchema,
  enrolmentSchema,
  enrolmentStatusInputSchema,
  enrolmentSummarySchema,
  idParamsSchema,
  listSchema,
  programmeEnrolmentInputSchema,
  programmeFollowUpSchema,
  supportInputSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import type { Db } from '../platform/database.ts';
import { respondWithWrite } from '../platform/write.ts';
import { scheduleConversationReminder } from './conversation-reminders.ts';
import {
  addConversation,
  addSupport,
  enrolOfficial,
  findEnrolmentCandidates,
  setEnrolmentStatus,
} from './enrolments.ts';
import { followUpProgramme } from './follow-up.ts';
import { findEnrolments, getEnrolment } from './read.ts';

export const protectionProgrammeRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: Parameters<typeof actorOf>[0] & { id: string }) =>
    auditContextOf(actorOf(request), request.id);
  const tags = ['protection-programme'];
  const base = '/api/protection-programme';
  /** Enrolling, a sooner date and a held conversation move the next conversation: its reminder follows. */
  const withConversationReminder = async (db: Db, tenantId: string, enrolment: Enrolment) => {
    await scheduleConversationReminder(db, app.jobs, {
      tenantId,
      enrolmentId: enrolment.id,
      dueOn: enrolment.nextConversationDueOn,
    });
    return enrolment;
  };

  app.get(
    `${base}/officials`,
    {
      config: { access: 'protection_programme.read' },
      schema: { tags, response: { 200: listSchema(enrolmentSummarySchema) } },
    },
    async (request) => findEnrolments(app.db, actorOf(request)),
  );
  app.get(
    `${base}/candidates`,
    {
      config: { access: 'protection_programme.manage' },
      schema: { tags, response: { 200: listSchema(enrolmentCandidateSchema) } },
    },
    async (request) => findEnrolmentCandidates(app.db, actorOf(request)),
  );
  app.get(
    `${base}/follow-up`,
    {
      config: { access: 'protection_programme.follow_up' },
      schema: { tags, response: { 200: programmeFollowUpSchema } },
    },
    async (request) => followUpProgramme(app.db, actorOf(request)),
  );
  app.post(
    `${base}/officials`,
    {
      config: { access: 'protection_programme.manage' },
      schema: { tags, body: programmeEnrolmentInputSchema, response: { 201: enrolmentSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        const id = await enrolOfficial(db, actorOf(request), context(request), request.body.personId);
        return withConversationReminder(
          db,
          actorOf(request).tenantId,
          await getEnrolment(db, actorOf(request), context(request), id),
        );
      }),
  );
  // Reading an official's programme may show conversation notes: the read and its audit entry commit together.
  app.get(
    `${base}/officials/:id`,
    {
      config: { access: 'protection_programme.read' },
      schema: { tags, params: idParamsSchema, response: { 200: enrolmentSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        getEnrolment(db, actorOf(request), context(request), request.params.id),
      ),
  );
  app.post(
    `${base}/officials/:id/status`,
    {
      config: { access: 'protection_programme.manage' },
      schema: { tags, params: idParamsSchema, body: enrolmentStatusInputSchema, response: { 200: enrolmentSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, async (db) => {
        await setEnrolmentStatus(db, actorOf(request), context(request), request.params.id, request.body);
        return withConversationReminder(
          db,
          actorOf(request).tenantId,
          await getEnrolment(db, actorOf(request), context(request), request.params.id),
        );
      }),
  );
  app.post(
    `${base}/officials/:id/conversations`,
    {
      config: { access: 'protection_programme.manage' },
      schema: { tags, params: idParamsSchema, body: conversationInputSchema, response: { 201: enrolmentSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        await addConversation(db, actorOf(request), context(request), request.params.id, request.body);
        return withConversationReminder(
          db,
          actorOf(request).tenantId,
          await getEnrolment(db, actorOf(request), context(request), request.params.id),
        );
      }),
  );
  app.post(
    `${base}/officials/:id/support`,
    {
      config: { access: 'protection_programme.manage' },
      schema: { tags, params: idParamsSchema, body: supportInputSchema, response: { 201: enrolmentSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, async (db) => {
        await addSupport(db, actorOf(request), context(request), request.params.id, request.body);
        return getEnrolment(db, actorOf(request), context(request), request.params.id);
      }),
  );
};
