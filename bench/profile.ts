/**
 * A CPU profile of a running Node process taken from outside (PROFILE=1 on a live bench): SIGUSR1
 * opens its inspector on 127.0.0.1:9229 (Node's default), the bench checks over the inspector that
 * it is talking to that pid, samples while the bench runs, and prints where the time went by
 * function (self time). The full profile is written for Chrome DevTools / speedscope.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { sleep } from './seeded.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

class Inspector {
  private next = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: unknown };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.error ? Promise.reject(new Error(JSON.stringify(message.error))) : message.result);
    });
  }
  call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, (r) => resolve(r as T));
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
}

export interface RunningProfile {
  /** Stops sampling; prints the top functions by self time and writes the profile. */
  stop(label: string): Promise<void>;
}

export async function profileProcess(pid: number, port = 9229): Promise<RunningProfile> {
  process.kill(pid, 'SIGUSR1');
  let target: string | undefined;
  for (let i = 0; i < 50 && !target; i += 1) {
    await sleep(100);
    try {
      const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
      target = list[0]?.webSocketDebuggerUrl;
    } catch {
      /* not open yet */
    }
  }
  if (!target) throw new Error(`pid ${pid} opened no inspector on 127.0.0.1:${port}`);
  const socket = new WebSocket(target);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const inspector = new Inspector(socket);
  const { result } = await inspector.call<{ result: { value: number } }>('Runtime.evaluate', { expression: 'process.pid' });
  if (result.value !== pid) {
    socket.close();
    throw new Error(`the inspector on port ${port} belongs to pid ${result.value}, not ${pid}: free the port and retry`);
  }
  await inspector.call('Profiler.enable');
  await inspector.call('Profiler.setSamplingInterval', { interval: 200 });
  await inspector.call('Profiler.start');
  return {
    stop: async (label) => {
      const { profile } = await inspector.call<{ profile: CpuProfile }>('Profiler.stop');
      await inspector.call('Profiler.disable');
      // Leave the router as it was: its inspector closed again (this drops our session, so no answer).
      socket.send(JSON.stringify({ id: 0, method: 'Runtime.evaluate', params: { expression: "process.getBuiltinModule('node:inspector').close()" } }));
      await sleep(100);
      socket.close();
      const dir = join(process.env['DATA_DIR'] ?? '.data', 'bench');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${label}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      printTop(profile, file);
    },
  };
}

function printTop(profile: CpuProfile, file: string): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  const totalUs = profile.endTime - profile.startTime;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url.replace(/^file:\/\//, '').replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^.*?\/(router|packages|subgraphs)\//, '$1/');
    const name = `${frame.functionName || '(anonymous)'} ${where}${where ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const pkg = !frame.url ? frame.functionName : frame.url.includes('node_modules') ? (/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(frame.url)?.[1] ?? 'node_modules') : frame.url.startsWith('node:') ? 'node internals' : 'our code';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const pct = (us: number): string => `${((100 * us) / totalUs).toFixed(1)}%`;
  console.log(`  router CPU profile (${(totalUs / 1e6).toFixed(1)} s wall, written to ${file}):`);
  console.log('    self time by package: ' + [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${pct(v)}`).join(', '));
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`    ${pct(us).padStart(6)}  ${name}`);
}
