import { z } from 'zod';

export const pageLimitDefault = 50;
export const pageLimitMax = 200;

/** Keyset pagination: `after` is the opaque cursor the previous page returned as `nextCursor`. */
export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(pageLimitMax).default(pageLimitDefault),
  after: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** `{ items: T[] }`: the answer of list endpoints that are not paginated (small, bounded sets). */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
