/**
 * Where a burst's CPU went across the whole box: every process's CPU time from /proc, before and
 * after, grouped by what it is (a service by the port it listens on, Postgres backends by their
 * database, the Kafka broker, this bench, the rest). Everything shares 2 cores, so the sum over a
 * run is what a request costs the system, and the groups say which part of the path holds it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuSecondsOf, memoryOf, pidListeningOn, processTree } from './proc.ts';

export const SERVICE_PORTS: Record<string, number> = {
  router: 4000,
  users: 4001,
  doctors: 4002,
  patients: 4003,
  appointments: 4004,
  notifications: 4005,
  billing: 4006,
  feedback: 4007,
};

/** The broker the system uses (KAFKA_BROKERS' first port, default 9092): other brokers on the box are someone else's. */
const BROKER_PORT = Number((process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',')[0]!.split(':')[1] ?? 9092);

export function servicePids(): Map<number, string> {
  const pids = new Map<number, string>();
  for (const [name, port] of Object.entries(SERVICE_PORTS)) {
    try {
      // With its workers, when the router runs more than one (ROUTER_WORKERS).
      for (const pid of processTree(pidListeningOn(port))) pids.set(pid, name);
    } catch {
      /* not running: it simply has no line */
    }
  }
  return pids;
}

/** The system's Postgres server (first line of its postmaster.pid): backends of other servers on the box are someone else's. */
function postmasterPid(): number | undefined {
  try {
    return Number(readFileSync(join(process.env['DATA_DIR'] ?? '.data', 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function groupOf(pid: number, services: Map<number, string>, postmaster: number | undefined): string {
  const service = services.get(pid);
  if (service) return service;
  if (pid === process.pid) return 'bench (this process)';
  let args = '';
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return 'other';
  }
  // "postgres: postgres medappt_appointments 127.0.0.1(33576) idle": a backend of one database.
  const ours = postmaster !== undefined && (pid === postmaster || parentOf(pid) === postmaster);
  if (!ours) return 'other';
  const backend = /^postgres: \S+ medappt_(\w+)/.exec(args);
  if (backend) return `postgres (${backend[1]})`;
  return 'postgres (server)';
  return 'other';
}

export type CpuSnapshot = Map<number, { group: string; seconds: number }>;

export function snapshotCpu(): CpuSnapshot {
  const services = servicePids();
  try {
    services.set(pidListeningOn(BROKER_PORT), 'kafka broker');
  } catch {
    /* no broker here */
  }
  const postmaster = postmasterPid();
  const snapshot: CpuSnapshot = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      snapshot.set(pid, { group: groupOf(pid, services, postmaster), seconds: cpuSecondsOf(pid) });
    } catch {
      /* exited meanwhile */
    }
  }
  return snapshot;
}

/** CPU ms per `units` by group between two snapshots (processes that started in between count from 0). */
export function cpuPerUnit(before: CpuSnapshot, after: CpuSnapshot, units: number): { group: string; ms: number }[] {
  const totals = new Map<string, number>();
  for (const [pid, { group, seconds }] of after) {
    const spent = seconds - (before.get(pid)?.seconds ?? 0);
    if (spent > 0) totals.set(group, (totals.get(group) ?? 0) + spent);
  }
  return [...totals]
    .map(([group, seconds]) => ({ group, ms: (seconds * 1000) / units }))
    .filter(({ ms }) => ms >= 0.01)
    .sort((a, b) => b.ms - a.ms);
}

export function formatCpu(rows: { group: string; ms: number }[], unit: string): string {
  const total = rows.reduce((sum, row) => sum + row.ms, 0);
  return `CPU a ${unit}, whole box: ${total.toFixed(2)} ms = ${rows.map(({ group, ms }) => `${group} ${ms.toFixed(2)}`).join(', ')}`;
}

/** RSS in MiB of every running service, by name (a router with workers: all its processes together). */
export function serviceMemory(): { name: string; rssMiB: number }[] {
  const totals = new Map<string, number>();
  for (const [pid, name] of servicePids()) totals.set(name, (totals.get(name) ?? 0) + memoryOf(pid).rssMiB);
  return [...totals].map(([name, rssMiB]) => ({ name, rssMiB })).sort((a, b) => a.name.localeCompare(b.name));
}
