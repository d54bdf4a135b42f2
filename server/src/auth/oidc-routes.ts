import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/app-error.ts';
import {
  createOidcProvider,
  finishOidcSignIn,
  oidcAttemptCookie,
  oidcAttemptCookiePath,
  oidcAttemptMaxAgeSeconds,
  oidcCallbackPath,
  startOidcSignIn,
} from './oidc.ts';
import { deleteSession, sessionCookie, setSessionCookies } from './sessions.ts';

const oidcStatusSchema = z.object({ enabled: z.boolean() });

/** Where the browser lands when single sign-on did not sign anyone in; the page explains. */
const refusedLocation = '/logga-in?fel=sso';

/** Single sign-on through the municipality's OpenID Connect provider, when one is configured. */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const provider = createOidcProvider(app.config);
  const attemptCookieOptions = {
    path: oidcAttemptCookiePath,
    httpOnly: true,
    // Lax, not Strict: the provider's redirect back is a cross-site top-level navigation.
    sameSite: 'lax' as const,
    secure: app.config.publicUrl.startsWith('https://'),
  };

  app.get(
    '/api/auth/oidc/status',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: oidcStatusSchema } } },
    async () => ({ enabled: provider !== null }),
  );

  app.get(
    '/api/auth/oidc/start',
    { config: { access: 'public' }, schema: { tags: ['auth'] } },
    async (_request, reply) => {
      if (!provider) throw new AppError('not_found');
      const start = await startOidcSignIn(provider, app.config);
      reply.setCookie(oidcAttemptCookie, start.sealedAttempt, {
        ...attemptCookieOptions,
        maxAge: oidcAttemptMaxAgeSeconds,
      });
      return reply.header('cache-control', 'no-store').redirect(start.redirectTo.href, 302);
    },
  );

  app.get(oidcCallbackPath, { config: { access: 'public' }, schema: { tags: ['auth'] } }, async (request, reply) => {
    if (!provider) throw new AppError('not_found');
    // One attempt, one callback: the cookie goes whatever the outcome.
    reply.clearCookie(oidcAttemptCookie, attemptCookieOptions);
    reply.header('cache-control', 'no-store');
    const outcome = await finishOidcSignIn(app.db, app.config, provider, {
      query: new URL(request.url, 'http://callback').search,
      sealedAttempt: request.cookies[oidcAttemptCookie],
      requestId: request.id,
    });
    if (outcome.status === 'refused') {
      // The reason only: no claim values, which are personal data.
      request.log.info({ reason: outcome.reason }, 'single sign-on refused');
      return reply.redirect(refusedLocation, 302);
    }
    const previous = request.cookies[sessionCookie];
    if (previous) {
      app.sessionCache.forget(previous);
      await deleteSession(app.db, previous);
    }
    setSessionCookies(reply, outcome.session, app.config);
    return reply.redirect('/', 302);
  });
};
