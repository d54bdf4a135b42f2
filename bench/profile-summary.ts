// `node bench/profile-summary.ts FILE.cpuprofile [N]`: the N functions with the most self time.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, count = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/profile-summary.ts FILE.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  const frame = nodes.get(id)?.callFrame;
  if (!frame) return;
  total += delta;
  const where = frame.url.replace(/^file:\/\/.*?\/(node_modules|server|packages)\//, '$1/');
  const key = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}`;
  selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
  const owner =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url)?.[1] ??
    (frame.url.includes('/server/src/') ? 'server/src' : frame.url ? 'node internals' : frame.functionName);
  byPackage.set(owner, (byPackage.get(owner) ?? 0) + delta);
});
const percent = (value: number) => `${((100 * value) / total).toFixed(1).padStart(5)} %`;
console.log(`total sampled: ${(total / 1e6).toFixed(1)} s\n\nby package:`);
for (const [name, time] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${percent(time)}  ${name}`);
}
console.log('\nby function (self time):');
for (const [name, time] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
  console.log(`${percent(time)}  ${name}`);
}
