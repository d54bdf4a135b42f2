import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export function createTotpSecret(): string {
  return generateSecret();
}

/** Accepts the current code and the one before or after it (clock drift of a phone). */
export async function isValidTotp(secret: string, code: string): Promise<boolean> {
  const result = await verify({ secret, token: code, epochTolerance: 30 });
  return result.valid;
}

export async function totpEnrolment(secret: string, accountEmail: string, issuer: string) {
  const otpauthUrl = generateURI({ issuer, label: accountEmail, secret });
  return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl) };
}
