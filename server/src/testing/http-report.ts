import type { DemoLogin } from '../demo/demo-tenant.ts';

/**
 * Signs the demo employee in over real HTTP and files a report, which queues its e-mails to the
 * unit's manager, coordinator and safety representative. Returns the incident's id.
 */
export async function reportOverHttp(url: string, demoLogins: readonly DemoLogin[]): Promise<string> {
  const employee = demoLogins.find((login) => login.role === 'employee') as DemoLogin;
  const signIn = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: employee.email, password: employee.password }),
  });
  const cookies = signIn.headers.getSetCookie().map((line) => line.split(';')[0] as string);
  const csrf = (cookies.find((cookie) => cookie.startsWith('varn_csrf=')) as string).split('=')[1] as string;
  const reported = await fetch(`${url}/api/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({
      kind: 'incident',
      types: ['threat'],
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      place: { kind: 'free', description: 'Receptionen' },
      context: 'drop_in',
      description: 'En besökare hotade mig i receptionen.',
    }),
  });
  if (reported.status !== 201) throw new Error(`the report failed: ${await reported.text()}`);
  return ((await reported.json()) as { id: string }).id;
}
