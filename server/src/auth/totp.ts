import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export function createTotpSecret(): string {
  return generateSecret();
}

/**
 * The time step of a valid code (the current one, or the one before or after it for a phone's clock
 * drift), or null. Steps at or before `afterTimeStep` are refused: a code works only once.
 */
export async function acceptedTimeStep(
  secret: string,
  code: string,
  afterTimeStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  // otplib's verify answers for HOTP or TOTP; only the TOTP answer carries a time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

export async function totpEnrolment(secret: string, accountEmail: string, issuer: string) {
  const otpauthUrl = generateURI({ issuer, label: accountEmail, secret });
  return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl) };
}
