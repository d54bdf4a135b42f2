import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { registerRouteAccess } from './access/route-access.ts';
import { auditRoutes } from './audit/routes.ts';
import { oidcRoutes } from './auth/oidc-routes.ts';
import { authRoutes } from './auth/routes.ts';
import { drillRoutes } from './drills/routes.ts';
import { incidentRoutes } from './incidents/routes.ts';
import { jobRoutes } from './jobs/routes.ts';
import { measureRoutes } from './measures/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { organisationRoutes } from './organisation/routes.ts';
import type { Config } from './platform/config.ts';
import type { Db } from './platform/database.ts';
import { healthRoutes } from './platform/health-routes.ts';
import { createJobQueue, type JobQueue } from './platform/jobs.ts';
import { problemOf, registerProblemHandlers, sendProblem } from './platform/problems.ts';
import { serializerCompiler } from './platform/serializer.ts';
import { protectionProgrammeRoutes } from './protection-programme/routes.ts';
import { riskAnalysisRoutes } from './risk-analyses/routes.ts';
import { securityWalkRoutes } from './security-walks/routes.ts';
import { threatCaseRoutes } from './threat-cases/routes.ts';
import { trainingRoutes } from './training/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    jobs: JobQueue;
  }
}

/** Request bodies above this are refused with 413 (a CSV import has its own, larger limit). */
export const bodyLimitBytes = 256 * 1024;

/** Builds the HTTP application around an open, migrated database. */
export async function buildApp(config: Config, db: Db): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
        remove: true,
      },
    },
    bodyLimit: bodyLimitBytes,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.environment === 'production',
    // Fastify's own two lines per request are replaced by one in the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
  app.decorate('db', db);
  app.decorate('config', config);
  const jobs = createJobQueue(db, app.log);
  await jobs.start();
  app.decorate('jobs', jobs);
  app.addHook('onClose', () => jobs.stop());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  // During shutdown, answers to requests in flight ask the client to close its connection; otherwise
  // the kept-alive socket would hold the shutdown open until the keep-alive timeout.
  let isClosing = false;
  app.addHook('preClose', async () => {
    isClosing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (isClosing) reply.header('connection', 'close');
  });
  // One line per request (not Fastify's two), without query strings: they may carry search terms.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // The service worker (web/dist/sw.js) and the web app manifest.
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Värn API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  registerRouteAccess(app);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(organisationRoutes);
  await app.register(auditRoutes);
  await app.register(incidentRoutes);
  await app.register(measureRoutes);
  await app.register(securityWalkRoutes);
  await app.register(notificationRoutes);
  await app.register(jobRoutes);
  await app.register(threatCaseRoutes);
  await app.register(riskAnalysisRoutes);
  await app.register(protectionProgrammeRoutes);
  await app.register(drillRoutes);
  await app.register(trainingRoutes);
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await registerWebApp(app, config);
  return app;
}

/**
 * Files whose address never changes between versions: a browser must ask for them again each time,
 * or a new service worker (and with it the new app) would reach people late.
 */
const alwaysRevalidated = new Set(['sw.js', 'registerSW.js', 'manifest.webmanifest']);

/** @fastify/static would set its own `public, max-age=0`, which lets a cache keep the file: ask it not to. */
function sendRevalidated(reply: FastifyReply, file: string) {
  return reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
}

/** Serves the built web app, with the SPA's index.html for every page path outside /api. */
async function registerWebApp(app: FastifyInstance, config: Config): Promise<void> {
  const webRoot = config.webRoot;
  const hasWebApp = webRoot !== null && existsSync(webRoot);
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: webRoot, serve: false });
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const file = request.params as { '*': string };
      const requested = file['*'];
      if (requested.startsWith('api/')) return sendProblem(reply, problemOf('not_found', request));
      if (requested && !requested.includes('..') && existsSync(`${webRoot}/${requested}`) && requested.includes('.')) {
        if (alwaysRevalidated.has(requested)) return sendRevalidated(reply, requested);
        return reply.sendFile(requested);
      }
      return sendRevalidated(reply, 'index.html');
    });
  }
  app.setNotFoundHandler((request, reply) => sendProblem(reply, problemOf('not_found', request)));
}
