import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldError } from './app-error.ts';
import type { Db } from './database.ts';

const keyPattern = /^[\x21-\x7e]{8,200}$/;

/**
 * Runs a write in one transaction and sets the status. With an `Idempotency-Key` header on a POST,
 * the key, the request's fingerprint and the response are stored in that same transaction: a retry
 * with the same key gets the first response back and writes nothing, whenever it arrives.
 */
export async function respondWithWrite<Result>(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (transaction: Db) => Promise<Result>,
): Promise<Result> {
  const db = request.server.db;
  const key = request.method === 'POST' ? request.headers['idempotency-key'] : undefined;
  if (key === undefined || !request.actor) {
    const result = await db.transaction().execute(work);
    reply.code(status);
    return result;
  }
  if (typeof key !== 'string' || !keyPattern.test(key)) {
    throw new AppError('validation_failed', {
      errors: [
        fieldError(
          'headers.idempotency-key',
          'invalid_idempotency_key',
          'Idempotency-Key is 8 to 200 visible ASCII characters',
          'Idempotency-Key är 8 till 200 synliga ASCII-tecken',
        ),
      ],
    });
  }
  const actor = request.actor;
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  const outcome = await db.transaction().execute(async (transaction) => {
    const claimed = await transaction
      .insertInto('idempotencyKeys')
      .values({
        accountId: actor.accountId,
        key,
        tenantId: actor.tenantId,
        requestFingerprint: fingerprint,
        statusCode: 0,
        response: null,
      })
      .onConflict((conflict) => conflict.columns(['accountId', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const earlier = await transaction
        .selectFrom('idempotencyKeys')
        .select(['requestFingerprint', 'statusCode', 'response'])
        .where('accountId', '=', actor.accountId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (earlier.requestFingerprint !== fingerprint) throw new AppError('idempotency_key_reused');
      return { replayed: true, status: earlier.statusCode, result: earlier.response as Result };
    }
    const result = await work(transaction);
    await transaction
      .updateTable('idempotencyKeys')
      .set({ statusCode: status, response: JSON.stringify(result ?? null) })
      .where('accountId', '=', actor.accountId)
      .where('key', '=', key)
      .execute();
    return { replayed: false, status, result };
  });
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  reply.code(outcome.status);
  return outcome.result;
}
