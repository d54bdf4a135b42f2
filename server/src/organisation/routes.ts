import {
  grantInputSchema,
  grantSchema,
  idParamsSchema,
  listSchema,
  nameText,
  orgUnitInputSchema,
  orgUnitSchema,
  pageQuerySchema,
  pageSchema,
  partyInputSchema,
  partySchema,
  peopleFilterSchema,
  personInputSchema,
  personSchema,
  siteInputSchema,
  siteProtectionInputSchema,
  siteProtectionSchema,
  siteSchema,
} from '@varn/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createGrant, deleteGrant, findGrants } from '../access/grants.ts';
import { actorOf } from '../access/route-access.ts';
import { auditContextOf } from '../audit/audit-log.ts';
import { respondWithWrite } from '../platform/write.ts';
import { importPeopleCsv, importResultSchema, maxImportBytes } from './import.ts';
import { createOrgUnit, findOrgUnits, updateOrgUnit } from './org-units.ts';
import { createParty, findParties, getParty, updateParty } from './parties.ts';
import { createPerson, findPeople, getPerson, updatePerson } from './people.ts';
import { getSiteProtection, saveSiteProtection } from './site-protection.ts';
import { createSite, findSites, getSite, updateSite } from './sites.ts';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  // HR exports arrive as CSV text; the import validates every row itself.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: maxImportBytes }, (_request, body, done) =>
    done(null, body),
  );
  const context = (request: Parameters<typeof actorOf>[0] & { id: string }) =>
    auditContextOf(actorOf(request), request.id);

  app.get(
    '/api/org-units',
    {
      config: { access: 'organisation.read' },
      schema: { tags: ['organisation'], response: { 200: listSchema(orgUnitSchema) } },
    },
    async (request) => ({ items: await findOrgUnits(app.db, actorOf(request)) }),
  );
  app.post(
    '/api/org-units',
    {
      config: { access: 'organisation.manage' },
      schema: { tags: ['organisation'], body: orgUnitInputSchema, response: { 201: orgUnitSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) =>
        createOrgUnit(db, actorOf(request), context(request), request.body),
      ),
  );
  app.patch(
    '/api/org-units/:id',
    {
      config: { access: 'organisation.manage' },
      schema: {
        tags: ['organisation'],
        params: idParamsSchema,
        body: z.strictObject({ name: nameText().optional(), code: nameText(40).nullable().optional() }),
        response: { 200: orgUnitSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        updateOrgUnit(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );

  app.get(
    '/api/sites',
    {
      config: { access: 'sites.read' },
      schema: {
        tags: ['organisation'],
        querystring: pageQuerySchema.extend({ unitId: z.uuid().optional() }),
        response: { 200: pageSchema(siteSchema) },
      },
    },
    async (request) => findSites(app.db, actorOf(request), request.query, request.query),
  );
  app.get(
    '/api/sites/:id',
    {
      config: { access: 'sites.read' },
      schema: { tags: ['organisation'], params: idParamsSchema, response: { 200: siteSchema } },
    },
    async (request) => getSite(app.db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/sites',
    {
      config: { access: 'sites.manage' },
      schema: { tags: ['organisation'], body: siteInputSchema, response: { 201: siteSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) => createSite(db, actorOf(request), context(request), request.body)),
  );
  app.patch(
    '/api/sites/:id',
    {
      config: { access: 'sites.manage' },
      schema: { tags: ['organisation'], params: idParamsSchema, body: siteInputSchema, response: { 200: siteSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        updateSite(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );
  // The protection profile is what security walks check: it follows their permissions (see site-protection.ts).
  app.get(
    '/api/sites/:id/protection',
    {
      config: { access: 'security_walks.read' },
      schema: { tags: ['organisation'], params: idParamsSchema, response: { 200: siteProtectionSchema } },
    },
    async (request) => getSiteProtection(app.db, actorOf(request), context(request), request.params.id),
  );
  app.patch(
    '/api/sites/:id/protection',
    {
      config: { access: 'security_walks.manage' },
      schema: {
        tags: ['organisation'],
        params: idParamsSchema,
        body: siteProtectionInputSchema,
        response: { 200: siteProtectionSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        saveSiteProtection(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );

  app.get(
    '/api/people',
    {
      config: { access: 'people.read' },
      schema: {
        tags: ['organisation'],
        querystring: pageQuerySchema.extend(peopleFilterSchema.shape),
        response: { 200: pageSchema(personSchema) },
      },
    },
    async (request) => findPeople(app.db, actorOf(request), request.query, request.query),
  );
  app.get(
    '/api/people/:id',
    {
      config: { access: 'people.read' },
      schema: { tags: ['organisation'], params: idParamsSchema, response: { 200: personSchema } },
    },
    async (request) => getPerson(app.db, actorOf(request), context(request), request.params.id),
  );
  app.post(
    '/api/people',
    {
      config: { access: 'people.manage' },
      schema: { tags: ['organisation'], body: personInputSchema, response: { 201: personSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) => createPerson(db, actorOf(request), context(request), request.body)),
  );
  app.patch(
    '/api/people/:id',
    {
      config: { access: 'people.manage' },
      schema: {
        tags: ['organisation'],
        params: idParamsSchema,
        body: personInputSchema,
        response: { 200: personSchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        updatePerson(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );
  app.post(
    '/api/people/import',
    {
      config: { access: 'people.import' },
      bodyLimit: maxImportBytes,
      schema: { tags: ['organisation'], body: z.string().min(1), response: { 200: importResultSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        importPeopleCsv(db, actorOf(request), context(request), request.body),
      ),
  );

  app.get(
    '/api/parties',
    {
      config: { access: 'parties.read' },
      schema: { tags: ['organisation'], response: { 200: listSchema(partySchema) } },
    },
    async (request) => ({ items: await findParties(app.db, actorOf(request)) }),
  );
  app.get(
    '/api/parties/:id',
    {
      config: { access: 'parties.read' },
      schema: { tags: ['organisation'], params: idParamsSchema, response: { 200: partySchema } },
    },
    async (request) => getParty(app.db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/parties',
    {
      config: { access: 'parties.manage' },
      schema: { tags: ['organisation'], body: partyInputSchema, response: { 201: partySchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) => createParty(db, actorOf(request), context(request), request.body)),
  );
  app.patch(
    '/api/parties/:id',
    {
      config: { access: 'parties.manage' },
      schema: {
        tags: ['organisation'],
        params: idParamsSchema,
        body: partyInputSchema,
        response: { 200: partySchema },
      },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 200, (db) =>
        updateParty(db, actorOf(request), context(request), request.params.id, request.body),
      ),
  );

  app.get(
    '/api/grants',
    {
      config: { access: 'grants.manage' },
      schema: {
        tags: ['access'],
        querystring: z.strictObject({ personId: z.uuid() }),
        response: { 200: listSchema(grantSchema) },
      },
    },
    async (request) => ({ items: await findGrants(app.db, actorOf(request), request.query.personId) }),
  );
  app.post(
    '/api/grants',
    {
      config: { access: 'grants.manage' },
      schema: { tags: ['access'], body: grantInputSchema, response: { 201: grantSchema } },
    },
    async (request, reply) =>
      respondWithWrite(request, reply, 201, (db) => createGrant(db, actorOf(request), context(request), request.body)),
  );
  app.delete(
    '/api/grants/:id',
    {
      config: { access: 'grants.manage' },
      schema: { tags: ['access'], params: idParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await respondWithWrite(request, reply, 204, (db) =>
        deleteGrant(db, actorOf(request), context(request), request.params.id),
      );
      return null;
    },
  );
};
