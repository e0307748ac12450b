import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, createLogger, findFreePort } from '@medappt/platform';
// A bookable doctor from the testkit's seed: its appointments' events are what routers deliver.
import { book, eventually, freeSlots, postGraphQL, routerEnvFor, seed, subscribeLive, testEnv, type LiveSubscription, type Practice } from '@medappt/testkit';

// More router instances beside the test run's own, each its own process on its own port (what
// ROUTER_PORT picks for `pnpm start`), started as a deployment starts one (router/src/index.ts),
// with its own Kafka consumer group, over the same subgraphs and the same real broker.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const DAY = 86_400_000;
const CHANGES = 'subscription($d: ID) { appointmentChanged(doctorId: $d) { action appointment { id status doctor { id name } } } }';
type Change = { appointmentChanged: { action: string; appointment: { id: string; status: string; doctor: { id: string; name: string } } } };

type LogLine = { level?: string; msg?: string; worker?: number | string; pid?: number; groupId?: string; component?: string };

interface RouterProcess {
  child: ChildProcess;
  port: number;
  graphqlUrl: string;
  readyzUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  dataDir: string;
  /** Its JSON log lines so far (errors are also passed on to the test's output). */
  logs: LogLine[];
}

async function startRouterProcess(overrides: Record<string, string> = {}): Promise<RouterProcess> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'medappt-router-'));
  const env = routerEnvFor({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error', ...overrides });
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'router/src/index.ts')], {
    cwd: repoRoot,
    // Only its own configuration (and PATH): nothing of the test worker's environment leaks in.
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: LogLine[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let parsed: LogLine | undefined;
    try {
      parsed = JSON.parse(line) as LogLine;
      logs.push(parsed);
    } catch {
      /* not a log line */
    }
    if (!parsed || parsed.level === 'error' || parsed.level === 'fatal') process.stdout.write(`${line}\n`);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  return { child, port, graphqlUrl: `${base}/graphql`, readyzUrl: `${base}/readyz`, exited, dataDir, logs };
}

async function readiness(router: { readyzUrl: string }): Promise<{ status: number; body: { status?: string; checks?: Record<string, string> } }> {
  const response = await fetch(router.readyzUrl);
  return { status: response.status, body: (await response.json()) as { status?: string; checks?: Record<string, string> } };
}

/** Ready means its consumer joined its group: events from then on reach its sockets. */
async function whenReady(router: RouterProcess): Promise<void> {
  await eventually(
    async () => {
      if (router.child.exitCode !== null) throw new Error(`the router process exited with ${router.child.exitCode}`);
      return (await readiness(router)).status === 200 ? true : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 250 },
  );
}

const routers: RouterProcess[] = [];
let second: RouterProcess;
let p: Practice;

/** Started one at a time, after the fixtures: on two shared cores a router's start starves the subgraphs' logins. */
async function startedRouter(overrides: Record<string, string> = {}): Promise<RouterProcess> {
  const router = await startRouterProcess(overrides);
  routers.push(router);
  await whenReady(router);
  return router;
}

beforeAll(async () => {
  const firstReadyz = { readyzUrl: testEnv().routerUrl.replace(/\/graphql$/, '/readyz') };
  await eventually(async () => ((await readiness(firstReadyz)).body.checks?.['subscriptions'] === 'ok' ? true : undefined), { timeoutMs: 50_000 });
  p = await seed.practice();
  second = await startedRouter();
}, 120_000);

afterAll(async () => {
  for (const router of routers) {
    if (router.child.exitCode === null && router.child.signalCode === null) router.child.kill('SIGKILL');
    await router.exited;
    rmSync(router.dataDir, { recursive: true, force: true });
  }
});

/** The doctor's dashboard on one router. */
function dashboardOn(graphqlUrl: string): LiveSubscription<Change> {
  return subscribeLive<Change>(graphqlUrl, CHANGES, { d: p.doctorId }, { token: p.doctor.accessToken });
}

async function bookOnce(): Promise<string> {
  const pat = await seed.patient();
  const [slot] = await freeSlots(p, new Date(Date.now() + 2 * DAY));
  const booked = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
  if (booked.data?.bookAppointment.__typename !== 'Appointment') throw new Error(`booking failed: ${JSON.stringify(booked)}`);
  return booked.data.bookAppointment.id;
}

describe('a second router instance', () => {
  it('reports its own subscriptions consumer in /readyz', async () => {
    expect(await readiness(second)).toEqual({ status: 200, body: { status: 'ready', checks: expect.objectContaining({ subscriptions: 'ok' }) } });
  });

  it('delivers the same event as the first to its own subscribers, read through its own gateway', async () => {
    const sockets = [dashboardOn(testEnv().routerUrl), dashboardOn(second.graphqlUrl)];
    try {
      await Promise.all(sockets.map((s) => s.ready));
      const id = await bookOnce();
      for (const socket of sockets) {
        const change = await socket.next();
        expect(change.errors).toBeUndefined();
        expect(change.data?.appointmentChanged).toMatchObject({ action: 'REQUESTED', appointment: { id, status: 'REQUESTED', doctor: { id: p.doctorId } } });
        expect(change.data?.appointmentChanged.appointment.doctor.name).toMatch(/^Dr\./);
      }
    } finally {
      await Promise.all(sockets.map((s) => s.close()));
    }
  });

  it('stopped with SIGTERM, closes its sockets with 1001 (going away) and ends; the first keeps delivering', async () => {
    const onFirst = dashboardOn(testEnv().routerUrl);
    const onSecond = [dashboardOn(second.graphqlUrl), dashboardOn(second.graphqlUrl)];
    try {
      await Promise.all([onFirst, ...onSecond].map((s) => s.ready));
      second.child.kill('SIGTERM');
      expect(await Promise.all(onSecond.map((s) => s.closed))).toEqual([1001, 1001]);
      // A clean stop, not a kill by the re-raised signal: the consumer groups were left on the way.
      expect(await second.exited).toEqual({ code: 0, signal: null });

      const id = await bookOnce();
      expect((await onFirst.next()).data?.appointmentChanged).toMatchObject({ action: 'REQUESTED', appointment: { id } });
    } finally {
      await Promise.all([onFirst, ...onSecond].map((s) => s.close()));
    }
  });

  it('stopped with SIGINT (Ctrl-C), closes its sockets with 1001 too', async () => {
    const another = await startedRouter();
    const socket = dashboardOn(another.graphqlUrl);
    try {
      await socket.ready;
      another.child.kill('SIGINT');
      expect(await socket.closed).toBe(1001);
      expect(await another.exited).toEqual({ code: 0, signal: null });
    } finally {
      await socket.close();
    }
  }, 120_000);
});

/** /readyz over a connection of its own: the primary hands each new connection to the next worker. */
function readinessOnNewConnection(router: RouterProcess): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    get(router.readyzUrl, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    }).on('error', reject);
  });
}

/** Established TCP connections to `port` held by process `pid`, as the kernel sees them. */
function connectionsHeldBy(pid: number, port: number): number {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT, st 01 is ESTABLISHED, inode is column 10.
      if (cols[3] === '01' && parseInt(cols[1]?.split(':')[1] ?? '', 16) === port && cols[9]) inodes.add(cols[9]);
    }
  }
  let held = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode && inodes.has(inode)) held += 1;
    } catch {
      /* closed meanwhile */
    }
  }
  return held;
}

describe('a router with two workers (ROUTER_WORKERS=2)', () => {
  let workers: RouterProcess;
  const readyWorkers = () => workers.logs.filter((l) => l.msg === 'router ready (HTTP and WebSocket)');
  const livePids = () => [...new Set(readyWorkers().map((l) => l.pid!))].filter((pid) => readdirSafe(`/proc/${pid}/fd`));

  /** Opened one after the other: the primary hands the next connection to the next worker, so they alternate. */
  async function dashboardsOneByOne(count: number): Promise<LiveSubscription<Change>[]> {
    const sockets: LiveSubscription<Change>[] = [];
    for (let i = 0; i < count; i++) {
      const socket = dashboardOn(workers.graphqlUrl);
      sockets.push(socket);
      await socket.ready;
    }
    return sockets;
  }

  beforeAll(async () => {
    workers = await startedRouter({ ROUTER_WORKERS: '2', LOG_LEVEL: 'info' });
    await eventually(async () => (workers.logs.some((l) => l.worker === 'primary' && l.msg === 'router workers ready') ? true : undefined), {
      timeoutMs: 60_000,
    });
  }, 120_000);

  it('runs two workers, each with its own subscriptions consumer group, each answering readiness', async () => {
    const feeds = workers.logs.filter((l) => l.component === 'event-feed' && l.msg === 'event feed live');
    expect(new Set(readyWorkers().map((l) => l.worker))).toEqual(new Set([1, 2]));
    expect(new Set(feeds.map((l) => l.worker))).toEqual(new Set([1, 2]));
    expect(new Set(feeds.map((l) => l.groupId)).size).toBe(2);
    for (let i = 0; i < 4; i++) {
      expect(await readinessOnNewConnection(workers)).toEqual({
        status: 200,
        body: { status: 'ready', checks: expect.objectContaining({ subscriptions: 'ok' }) },
      });
    }
  });

  it('answers HTTP queries and delivers an event to subscribers on either worker', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => postGraphQL<{ me: { id: string } }>(workers.graphqlUrl, '{ me { id } }', {}, { token: p.doctor.accessToken })),
    );
    expect(answers.map((a) => a.data?.me.id)).toEqual(Array(4).fill(p.doctor.user.id));

    const sockets = await dashboardsOneByOne(4);
    try {
      expect(livePids().map((pid) => connectionsHeldBy(pid, workers.port) >= 2)).toEqual([true, true]);
      const id = await bookOnce();
      for (const socket of sockets) {
        expect((await socket.next()).data?.appointmentChanged).toMatchObject({ action: 'REQUESTED', appointment: { id, doctor: { id: p.doctorId } } });
      }
    } finally {
      await Promise.all(sockets.map((s) => s.close()));
    }
  });

  it('starts another worker when one dies; the router stays ready and keeps delivering', async () => {
    const [victim] = livePids();
    process.kill(victim!, 'SIGKILL');
    await eventually(async () => (readyWorkers().some((l) => l.worker === 3) ? true : undefined), { timeoutMs: 60_000 });
    expect(workers.logs.some((l) => l.worker === 'primary' && l.level === 'error' && l.msg === 'router worker died: starting another')).toBe(true);
    for (let i = 0; i < 4; i++) expect((await readinessOnNewConnection(workers)).status).toBe(200);

    // One on the worker that was there, one on its replacement.
    const sockets = await dashboardsOneByOne(2);
    try {
      expect(livePids().map((pid) => connectionsHeldBy(pid, workers.port) >= 1)).toEqual([true, true]);
      const id = await bookOnce();
      for (const socket of sockets) expect((await socket.next()).data?.appointmentChanged).toMatchObject({ appointment: { id } });
    } finally {
      await Promise.all(sockets.map((s) => s.close()));
    }
  });

  it('stopped with SIGTERM, every worker closes its sockets with 1001 and leaves its consumer groups, and the router ends cleanly', async () => {
    const sockets = await dashboardsOneByOne(4);
    try {
      expect(livePids().map((pid) => connectionsHeldBy(pid, workers.port) >= 2)).toEqual([true, true]);
      // The groups of the running workers (the one killed above could not leave its own).
      const running = new Set(livePids());
      const groups = [...new Set(workers.logs.filter((l) => l.groupId && running.has(l.pid!)).map((l) => l.groupId!))];
      expect(groups.filter((g) => g.startsWith('router.subscriptions.'))).toHaveLength(2);
      workers.child.kill('SIGTERM');
      expect(await Promise.all(sockets.map((s) => s.closed))).toEqual([1001, 1001, 1001, 1001]);
      expect(await workers.exited).toEqual({ code: 0, signal: null });

      const admin = createKafka('test', testEnv().kafkaBrokers, createLogger('test', 'silent')).admin();
      await admin.connect();
      try {
        const left = (await admin.listGroups()).groups.map((g) => g.groupId);
        expect(groups.filter((g) => left.includes(g))).toEqual([]);
      } finally {
        await admin.disconnect();
      }
    } finally {
      await Promise.all(sockets.map((s) => s.close()));
    }
  });
});

function readdirSafe(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}
