/**
 * Profiles of a running Node process taken from outside (PROFILE=1 on the live benches): SIGUSR1
 * opens its inspector on 127.0.0.1:9229 (Node's default), the bench checks over the inspector that
 * it is talking to that pid, then samples CPU (where the time goes, by function) or allocations
 * (what the memory that is still held was allocated by), and reads process.memoryUsage() (heap vs
 * native). Positions in our own code are mapped back through tsx's inline source maps (its output
 * is whitespace-minified: generated lines say nothing). Full CPU profiles are written for Chrome
 * DevTools / speedscope. Detaching closes the inspector again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import WebSocket from 'ws';
import { sleep } from './seeded.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}
interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

export interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** A kind of work, told by a frame's function name and script url. */
export type CpuCategory = [name: string, matches: (functionName: string, url: string) => boolean];

export interface CpuReport {
  /** Whose profile it is, in the printout (default: router). */
  who?: string;
  categories?: CpuCategory[];
}

export interface Inspected {
  memoryUsage(): Promise<MemoryUsage>;
  /** After a full garbage collection: what the process really holds on to. */
  memoryAfterGc(): Promise<MemoryUsage>;
  startCpu(): Promise<void>;
  /**
   * Stops CPU sampling; prints the top functions by self time and writes the profile as `label`.
   * `categories` add a breakdown by kind of work: a sample counts for the first category, in the
   * order given, that any frame of its stack matches.
   */
  stopCpu(label: string, options?: CpuReport): Promise<void>;
  /** `collected`: sample every allocation, also those already collected again (what feeds the GC). */
  startAllocations(options?: { collected?: boolean }): Promise<void>;
  /** Prints what the sampled allocations still alive (or all of them, see startAllocations) were made by (function and package). */
  stopAllocations(who?: string, requests?: number): Promise<void>;
  detach(): Promise<void>;
}

export async function inspect(pid: number, port = 9229): Promise<Inspected> {
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
  const socket = new WebSocket(target, { maxPayload: 1 << 30 });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let next = 1;
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  const sourceMaps = new Map<string, SourceMap>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      result?: unknown;
      error?: unknown;
      method?: string;
      params?: { url?: string; sourceMapURL?: string };
    };
    const { url, sourceMapURL } = message.params ?? {};
    if (message.method === 'Debugger.scriptParsed' && url && !url.includes('node_modules') && sourceMapURL?.startsWith('data:')) {
      try {
        sourceMaps.set(
          url,
          new SourceMap(
            JSON.parse(Buffer.from(sourceMapURL.slice(sourceMapURL.indexOf(',') + 1), 'base64').toString('utf8')) as ConstructorParameters<typeof SourceMap>[0],
          ),
        );
      } catch {
        /* not a map we can read */
      }
    }
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (message.error) waiter?.reject(new Error(JSON.stringify(message.error)));
    else waiter?.resolve(message.result);
  });
  const call = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: (r) => resolve(r as T), reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  /** The scripts' source maps, as the debugger announces every loaded script when enabled. */
  const loadSourceMaps = async (): Promise<Map<string, SourceMap>> => {
    await call('Debugger.enable');
    await call('Debugger.disable');
    return sourceMaps;
  };
  const evaluate = async <T>(expression: string): Promise<T> =>
    (await call<{ result: { value: T } }>('Runtime.evaluate', { expression, returnByValue: true })).result.value;

  let allocationsCollected = false;
  if ((await evaluate<number>('process.pid')) !== pid) {
    socket.close();
    throw new Error(`the inspector on port ${port} is another process's, not pid ${pid}'s: free the port and retry`);
  }
  return {
    memoryUsage: () => evaluate<MemoryUsage>('process.memoryUsage()'),
    memoryAfterGc: async () => {
      await call('HeapProfiler.collectGarbage');
      return evaluate<MemoryUsage>('process.memoryUsage()');
    },
    startCpu: async () => {
      await call('Profiler.enable');
      await call('Profiler.setSamplingInterval', { interval: 200 });
      await call('Profiler.start');
    },
    stopCpu: async (label, options = {}) => {
      const { profile } = await call<{ profile: CpuProfile }>('Profiler.stop');
      await call('Profiler.disable');
      const dir = join(process.env['DATA_DIR'] ?? '.data', 'bench');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${label}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      printCpu(profile, file, await loadSourceMaps(), options);
    },
    startAllocations: async (options = {}) => {
      await call('HeapProfiler.enable');
      allocationsCollected = options.collected ?? false;
      await call('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: allocationsCollected,
        includeObjectsCollectedByMinorGC: allocationsCollected,
      });
    },
    stopAllocations: async (who = 'router', requests?: number) => {
      const { profile } = await call<{ profile: { head: HeapNode } }>('HeapProfiler.stopSampling');
      await call('HeapProfiler.disable');
      printAllocations(
        profile.head,
        await loadSourceMaps(),
        `${who} ${allocationsCollected ? 'allocated (collected since or not)' : 'heap still held from the sampled allocations'}`,
        requests,
      );
    },
    detach: async () => {
      if (socket.readyState !== WebSocket.OPEN) return;
      // Leave the process as it was: its inspector closed (this ends our session, so no answer comes).
      socket.send(JSON.stringify({ id: 0, method: 'Runtime.evaluate', params: { expression: "process.getBuiltinModule('node:inspector').close()" } }));
      await sleep(100);
      socket.close();
    },
  };
}

function where(frame: CallFrame, maps: Map<string, SourceMap>): { name: string; pkg: string } {
  const mapped = maps.get(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  const line = mapped && 'originalLine' in mapped ? `${mapped.originalLine + 1}` : `${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
  const path = frame.url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/^.*?\/(router|packages|subgraphs|bench)\//, '$1/');
  const name = `${frame.functionName || '(anonymous)'} ${path}${path ? `:${line}` : ''}`;
  const pkg = !frame.url
    ? frame.functionName || '(native)'
    : frame.url.includes('node_modules')
      ? (/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(frame.url)?.[1] ?? 'node_modules')
      : frame.url.startsWith('node:')
        ? 'node internals'
        : 'our code';
  return { name, pkg };
}

function top(map: Map<string, number>, n: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** A profile taken some other way (a process profiling itself, --cpu-prof): printed as stopCpu prints one, without source maps. */
export function printCpuProfile(profile: CpuProfile, file: string, options: CpuReport = {}): void {
  printCpu(profile, file, new Map(), options);
}

function printCpu(profile: CpuProfile, file: string, maps: Map<string, SourceMap>, options: CpuReport): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const totalUs = profile.endTime - profile.startTime;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (let i = 0; i < samples.length; i += 1) {
    const frame = byId.get(samples[i]!)?.callFrame;
    if (!frame) continue;
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    const { name, pkg } = where(frame, maps);
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const pct = (us: number): string => `${((100 * us) / totalUs).toFixed(1)}%`;
  console.log(`  ${options.who ?? 'router'} CPU profile (${(totalUs / 1e6).toFixed(1)} s wall, written to ${file}):`);
  console.log(
    '    self time by package: ' +
      top(byPackage, 12)
        .map(([k, v]) => `${k} ${pct(v)}`)
        .join(', '),
  );
  for (const [name, us] of top(byFunction, 25)) console.log(`    ${pct(us).padStart(6)}  ${name}`);
  if (options.categories) printCategories(profile, options.categories, totalUs);
}

/** Busy time by kind of work: each sample goes to the first category (in the given order) that any frame on its stack matches. */
function printCategories(profile: CpuProfile, categories: CpuCategory[], totalUs: number): void {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const idle = new Set(['(idle)', '(program)', '(root)']);
  const byCategory = new Map<string, number>();
  let busy = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const leaf = byId.get(samples[i]!);
    if (!leaf || idle.has(leaf.callFrame.functionName)) continue;
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    busy += us;
    let best = categories.length;
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      const index = categories.findIndex(([, matches]) => matches(frame.functionName, frame.url));
      if (index !== -1 && index < best) best = index;
    }
    const category = categories[best]?.[0] ?? 'unattributed';
    byCategory.set(category, (byCategory.get(category) ?? 0) + us);
  }
  console.log(`    busy ${((100 * busy) / totalUs).toFixed(1)}% of wall time; of the busy time:`);
  for (const [name, us] of top(byCategory, categories.length + 1)) console.log(`    ${`${((100 * us) / busy).toFixed(1)}%`.padStart(6)}  ${name}`);
}

function printAllocations(head: HeapNode, maps: Map<string, SourceMap>, title: string, requests?: number): void {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const byStack = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode, stack: string[]): void => {
    const frame = node.callFrame.functionName || node.callFrame.url ? [...stack, where(node.callFrame, maps).name] : stack;
    if (node.selfSize > 0) {
      const { name, pkg } = where(node.callFrame, maps);
      byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + node.selfSize);
      const key = frame.slice(-4).join(' < ');
      byStack.set(key, (byStack.get(key) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children) walk(child, frame);
  };
  walk(head, []);
  const mib = (b: number): string => `${(b / 1048576).toFixed(1)} MiB`;
  console.log(`  ${title}: ${mib(total)}${requests ? `, ${(total / requests / 1024).toFixed(0)} KiB a request` : ''} (sampled, so approximate):`);
  console.log(
    '    by package: ' +
      top(byPackage, 12)
        .map(([k, v]) => `${k} ${mib(v)}`)
        .join(', '),
  );
  for (const [name, bytes] of top(byFunction, 25)) console.log(`    ${mib(bytes).padStart(9)}  ${name}`);
  console.log('    by allocating stack (innermost first, ← its caller):');
  for (const [stack, bytes] of top(byStack, 15)) console.log(`    ${mib(bytes).padStart(9)}  ${stack.split(' < ').reverse().join(' ← ')}`);
}
