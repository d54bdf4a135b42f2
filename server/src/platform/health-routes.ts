import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from './app-error.ts';

const statusSchema = z.object({ status: z.literal('ok') });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // Liveness: the process answers. Readiness: it can also reach its database.
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: statusSchema } } },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: statusSchema } } },
    async () => {
      try {
        await sql`SELECT 1`.execute(app.db);
      } catch {
        throw new AppError('unavailable');
      }
      return { status: 'ok' as const };
    },
  );
};
