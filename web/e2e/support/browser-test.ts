import { after, before } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { signIn } from './sign-in.ts';
import { type DemoLogin, loginOf, startTestServer, type TestServer } from './test-server.ts';

export type PageOptions = {
  /** Signs in through the sign-in page first, as this role's demo log-in or as this log-in. */
  signedInAs?: string | DemoLogin;
  /** Added to the browser context's options; the locale is always sv-SE. */
  context?: BrowserContextOptions;
};

export type BrowserTest = {
  /** The running server; read it inside tests, once `before` has started it. */
  readonly server: TestServer;
  /** The address of a path on the server, e.g. `url('/sign-in')`. */
  url(path: string): string;
  /** The demo log-in of a role. */
  loginOf(role: string): DemoLogin;
  /** Signs in through the sign-in page as this role's demo log-in or as this log-in. */
  signIn(page: Page, as: string | DemoLogin): Promise<void>;
  /** Runs `body` with a page of its own browser context, closed afterwards whatever happens. */
  withPage(options: PageOptions, body: (page: Page) => Promise<void>): Promise<void>;
};

/**
 * The setup every browser test file shares. Call it at the top of a `describe`: it starts the test
 * server and Chromium before the tests and stops both after them.
 */
export function setUpBrowserTest(): BrowserTest {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  function started<T>(value: T | undefined): T {
    if (!value) throw new Error('The browser test is not set up: use it inside a test of its describe');
    return value;
  }

  const loginOfRole = (role: string) => loginOf(started(server), role);
  const signInAs = (page: Page, as: string | DemoLogin) =>
    signIn(page, started(server).url, typeof as === 'string' ? loginOfRole(as) : as);

  return {
    get server() {
      return started(server);
    },
    url: (path) => `${started(server).url}${path}`,
    loginOf: loginOfRole,
    signIn: signInAs,
    async withPage({ signedInAs, context: contextOptions }, body) {
      const context = await started(browser).newContext({ locale: 'sv-SE', ...contextOptions });
      const page = await context.newPage();
      try {
        if (signedInAs !== undefined) await signInAs(page, signedInAs);
        await body(page);
      } finally {
        await context.close();
      }
    },
  };
}
