import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes); the library's Algorithm enum is a const enum,
// which type stripping cannot inline, hence the literal 2 (= Argon2id).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

// Verifying against a real hash when the account does not exist keeps the answer's timing the same,
// so the sign-in form does not reveal which e-mail addresses have accounts.
let decoyHash: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy password for timing');
  await verify(await decoyHash, password);
  return false;
}
