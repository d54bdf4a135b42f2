import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface Mailbox {
  port: number;
  mails: ReceivedMail[];
  /** While true, every recipient is refused with 550, as a mail server refuses an unknown mailbox. */
  isRejecting: boolean;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives, or refuses it on demand. */
export async function startMailbox(): Promise<Mailbox> {
  const mails: ReceivedMail[] = [];
  const mailbox = { port: 0, mails, isRejecting: false, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (!mailbox.isRejecting) return callback();
      const refusal = Object.assign(new Error(`Mailbox unavailable: ${address.address}`), { responseCode: 550 });
      return callback(refusal);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mailbox.port = (server.server.address() as AddressInfo).port;
  mailbox.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return mailbox;
}

/** Waits until `isDone` holds, polling every 200 ms, and fails after `timeoutMs`. */
export async function waitFor(what: string, isDone: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  for (let waited = 0; waited < timeoutMs; waited += 200) {
    if (await isDone()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Undoes quoted-printable (soft line breaks and =XX bytes), as a mail reader would. */
export function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}
