/** `node --import tsx scripts/bench/profileSummary.ts FILE.cpuprofile [rows]`: self and total time per function. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const profile = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Profile;
const rows = Number(process.argv[3] ?? 30);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const name = (node: ProfileNode): string => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, index) => {
  const time = profile.timeDeltas[index] ?? 0;
  all += time;
  const node = byId.get(id);
  if (!node) return;
  self.set(name(node), (self.get(name(node)) ?? 0) + time);
  const seen = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
    const frame = byId.get(current);
    if (!frame || seen.has(name(frame))) continue;
    seen.add(name(frame));
    total.set(name(frame), (total.get(name(frame)) ?? 0) + time);
  }
});
const print = (title: string, times: Map<string, number>): void => {
  console.log(title);
  for (const [fn, time] of [...times].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${((100 * time) / all).toFixed(1).padStart(6)}%  ${fn}`);
};
print('self time', self);
print('total time (including callees)', total);
