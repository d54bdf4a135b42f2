import { z } from 'zod';
import { localized } from './validation.ts';

// Control characters other than tab and newlines never belong in what people type; rejecting them
// keeps logs, CSV exports and PDFs clean. HTML and SQL in text are stored as text: output escapes them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A trimmed single-line name or title, 1..max characters. */
export function nameText(max = 200) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (value) => !controlCharacters.test(value) && !/[\r\n]/.test(value),
      localized('Invalid characters', 'Otillåtna tecken'),
    );
}

/** Free text, possibly empty, 0..max characters. */
export function freeText(max = 5000) {
  return z
    .string()
    .max(max)
    .refine((value) => !controlCharacters.test(value), localized('Invalid characters', 'Otillåtna tecken'));
}

export const emailSchema = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
export const idSchema = z.uuid();
export const idParamsSchema = z.strictObject({ id: idSchema });
