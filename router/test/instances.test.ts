import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@medappt/platform';
// A bookable doctor from the testkit's seed: its appointments' events are what routers deliver.
import { book, eventually, freeSlots, routerEnvFor, seed, subscribeLive, testEnv, type LiveSubscription, type Practice } from '@medappt/testkit';

// More router instances beside the test run's own, each its own process on its own port (what
// ROUTER_PORT picks for `pnpm start`), started as a deployment starts one (router/src/index.ts),
// with its own Kafka consumer group, over the same subgraphs and the same real broker.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const DAY = 86_400_000;
const CHANGES = 'subscription($d: ID) { appointmentChanged(doctorId: $d) { action appointment { id status doctor { id name } } } }';
type Change = { appointmentChanged: { action: string; appointment: { id: string; status: string; doctor: { id: string; name: string } } } };

interface RouterProcess {
  child: ChildProcess;
  graphqlUrl: string;
  readyzUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  dataDir: string;
}

async function startRouterProcess(): Promise<RouterProcess> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'medappt-router-'));
  const env = routerEnvFor({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'router/src/index.ts')], {
    cwd: repoRoot,
    // Only its own configuration (and PATH): nothing of the test worker's environment leaks in.
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  return { child, graphqlUrl: `${base}/graphql`, readyzUrl: `${base}/readyz`, exited, dataDir };
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
async function startedRouter(): Promise<RouterProcess> {
  const router = await startRouterProcess();
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
