import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const repositoryRoot = path.resolve(import.meta.dirname, '..');

/** A free TCP port on the loopback address, picked by the kernel and released again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawning the process until /readyz answered 200. */
  readyAfterMs: number;
  /** Starts sampling the resident set size; `stop` returns the highest sample in MiB. */
  sampleMemory(): { stop(): number };
  /** The kernel's high-water mark of the resident set since the process started, in MiB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * The real server, `node server/src/main.ts`, as its own process on 127.0.0.1 so that its memory
 * is its own. Only the variables given here reach it (plus PATH and HOME): never a DATABASE_URL of
 * the caller's environment by accident.
 */
export async function startServerProcess(options: {
  environment: Record<string, string>;
  logFile: string;
  nodeArguments?: string[];
}): Promise<ServerProcess> {
  const port = await freePort();
  const log = openSync(options.logFile, 'a');
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArguments ?? []), 'server/src/main.ts'], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...options.environment,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitUntilReady(url, child, options.logFile);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const readyAfterMs = performance.now() - startedAt;
  const pid = child.pid as number;
  return {
    url,
    pid,
    readyAfterMs,
    sampleMemory() {
      let peak = 0;
      const sample = () => {
        peak = Math.max(peak, statusField(pid, 'VmRSS'));
      };
      sample();
      const timer = setInterval(sample, 100);
      return {
        stop() {
          clearInterval(timer);
          sample();
          return peak;
        },
      };
    },
    peakRssMb: () => statusField(pid, 'VmHWM'),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode} before it was ready:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`server not ready after 120 s:\n${tail(logFile)}`);
}

/** A field of /proc/<pid>/status given in kB, as MiB. */
function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return kilobytes / 1024;
  } catch {
    return 0;
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}
