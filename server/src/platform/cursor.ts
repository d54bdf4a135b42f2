import { z } from 'zod';
import { AppError, fieldError } from './app-error.ts';

/** Keyset cursors are the last row's sort key, opaque to clients (base64url JSON). */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const cursorSchema = z
  .array(z.union([z.string().max(300), z.number()]))
  .min(1)
  .max(5);

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const key = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (key.length === length) return key;
  } catch {
    // fall through to the validation error below
  }
  throw new AppError('validation_failed', {
    errors: [fieldError('query.after', 'invalid_cursor', 'Invalid page cursor', 'Ogiltig sidmarkör')],
  });
}

/** Cuts a fetched `limit + 1` rows to a page and makes the cursor for the next one. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
  keyOf: (row: Row) => (string | number)[],
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(present), nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
