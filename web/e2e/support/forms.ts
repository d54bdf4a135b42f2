import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';

/** Picks the option whose text contains `text` (tree selects indent their labels). */
export async function selectOptionContaining(select: Locator, text: string): Promise<void> {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  assert.ok(value, `no option containing "${text}"`);
  await select.selectOption(value);
}
