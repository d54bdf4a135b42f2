import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium for the browser tests. A missing browser is a failure, never a skip: in CI (CI=true) and
 * locally alike, with a message that says how to install it.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    const where = process.env.CI === 'true' ? 'The CI image lacks Chromium' : 'Chromium is not installed';
    throw new Error(
      [
        '',
        '==================================================================',
        `  ${where}: no executable at ${executablePath}.`,
        '  The browser tests need it. Install it with:',
        '      apt-get update && apt-get install -y chromium',
        '  or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
        '==================================================================',
      ].join('\n'),
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
