import type { RouteAccess } from '@varn/domain';
import type { FastifyInstance } from 'fastify';
import {
  actorOf as actorOfSession,
  createSessionCache,
  type SessionCache,
  type SessionRecord,
  sessionCookie,
  touchSession,
} from '../auth/sessions.ts';
import { AppError } from '../platform/app-error.ts';
import { type Actor, can } from './authorize.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route demands. Every route must declare it, or the app refuses to start. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: SessionRecord | null;
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for the generated permission-matrix test. */
    declaredRoutes: DeclaredRoute[];
    sessionCache: SessionCache;
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Enforces each route's declared access before its body is even read: `public`, `authenticated`
 * (any signed-in person, acting on themself), or a permission from the domain's model.
 */
export function registerRouteAccess(app: FastifyInstance): void {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);

  app.decorate('declaredRoutes', []);
  app.decorate('sessionCache', createSessionCache(app.db, app.config));
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) {
      throw new Error(`${route.method} ${route.url} declares no access: add config.access`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.declaredRoutes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // not a route: the not-found handler answers
    const token = request.cookies[sessionCookie];
    const session = token ? await app.sessionCache.find(token) : null;
    request.session = session;
    if (session?.isSecondFactorVerified) {
      request.actor = actorOfSession(session);
      await touchSession(app.db, session);
    }
    if (access === 'public') return;
    if (!request.actor || !session) throw new AppError('unauthenticated');
    if (unsafeMethods.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('csrf_failed');
    }
    if (access !== 'authenticated' && !can(request.actor, access)) throw new AppError('forbidden');
  });
}

/** The acting person of a route that is not public. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
