import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { startSealer } from '../audit/sealer.ts';
import { type DemoLogin, isDatabaseEmpty, seedDemoTenant } from '../demo/demo-tenant.ts';
import { startReminderWorker } from '../incidents/reminders.ts';
import { startMeasureReminderWorker } from '../measures/reminders.ts';
import { startEmailWorker } from '../notifications/email.ts';
import { startConversationReminderWorker } from '../protection-programme/conversation-reminders.ts';
import { startEscalationWorker } from '../risk-analyses/escalation.ts';
import { startReviewReminderWorker } from '../threat-cases/review-reminders.ts';
import { startRenewalReminderWorker } from '../training/reminders.ts';
import type { Config } from './config.ts';
import { type Db, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  /** The demo log-ins when this start seeded the demo tenant; empty otherwise. */
  demoLogins: DemoLogin[];
  /** Stops taking requests, lets those in flight finish, seals the audit log, closes the database. */
  stop(): Promise<void>;
}

/** Opens and migrates the database, seeds the demo tenant into an empty one, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const db = openDatabase(config.database);
  await migrate(db);
  const demoLogins = config.seedDemo && (await isDatabaseEmpty(db)) ? await seedDemoTenant(db, config) : [];
  const app = await buildApp(config, db);
  await startEmailWorker(app.jobs, config);
  await startReminderWorker(db, app.jobs);
  await startReviewReminderWorker(db, app.jobs);
  await startEscalationWorker(db, app.jobs);
  await startMeasureReminderWorker(db, app.jobs);
  await startRenewalReminderWorker(db, app.jobs);
  await startConversationReminderWorker(db, app.jobs);
  const sealer = startSealer(db, (error) => app.log.error({ err: error }, 'audit sealer failed'));
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    db,
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    demoLogins,
    async stop() {
      await app.close();
      await sealer.stop();
      await db.destroy();
    },
  };
}
