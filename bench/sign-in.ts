import { generate } from 'otplib';
import type { SeededDatabase } from './seed.ts';

export interface Session {
  cookie: string;
  csrfToken: string;
}

/** Password, then the TOTP code where the role asks for one: as a person signs in. */
export async function signIn(url: string, login: SeededDatabase['demoLogins'][number]): Promise<Session> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const separator = pair.indexOf('=');
      jar.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  let response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  remember(response);
  let result = (await response.json()) as { status?: string };
  if (result.status === 'second_factor_required') {
    const code = await generate({ secret: login.totpSecret as string });
    response = await fetch(`${url}/api/auth/second-factor`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: header(), 'x-csrf-token': jar.get('varn_csrf') ?? '' },
      body: JSON.stringify({ code }),
    });
    remember(response);
    result = (await response.json()) as { status?: string };
  }
  if (result.status !== 'signed_in') throw new Error(`sign-in as ${login.email} failed: ${JSON.stringify(result)}`);
  return { cookie: header(), csrfToken: jar.get('varn_csrf') ?? '' };
}
