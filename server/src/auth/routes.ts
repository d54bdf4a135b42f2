import { currentUserSchema, secondFactorInputSchema, signInInputSchema, signInResultSchema } from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../access/route-access.ts';
import { AppError } from '../platform/app-error.ts';
import { clearSessionCookies, deleteSession, sessionCookie, setSessionCookies } from './sessions.ts';
import { currentUserOf, signInWithPassword, signOut, verifySecondFactor } from './sign-in.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Per client address, on top of the per-account lockout: slows guessing across many accounts.
  const signInRateLimit = { max: app.config.signIn.ratePerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      schema: { tags: ['auth'], body: signInInputSchema, response: { 200: signInResultSchema } },
    },
    async (request, reply) => {
      const previous = request.cookies[sessionCookie];
      if (previous) {
        app.sessionCache.forget(previous);
        await deleteSession(app.db, previous);
      }
      const step = await signInWithPassword(app.db, app.config, request.body, request.id);
      setSessionCookies(reply, step.session, app.config);
      return step.result;
    },
  );

  app.post(
    '/api/auth/second-factor',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      schema: { tags: ['auth'], body: secondFactorInputSchema, response: { 200: signInResultSchema } },
    },
    async (request, reply) => {
      const pending = request.session;
      if (!pending || pending.isSecondFactorVerified) throw new AppError('unauthenticated');
      const step = await verifySecondFactor(app.db, app.config, pending, request.body.code, request.id);
      setSessionCookies(reply, step.session, app.config);
      return step.result;
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) app.sessionCache.forget(token);
      if (request.session) await signOut(app.db, request.session, request.id);
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: currentUserSchema } } },
    async (request) => currentUserOf(app.db, actorOf(request)),
  );
};
