import { pageSchema } from '@varn/domain';

type ItemSchema = Parameters<typeof pageSchema>[0];

/** `{ items: T[] }`: the answer of list endpoints that are not paginated. */
export function listSchema<T extends ItemSchema>(item: T) {
  return pageSchema(item).pick({ items: true });
}
