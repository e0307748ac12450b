/**
 * `BENCH=subscriptions-me`: HTTP `me` through the router at a fixed rate (open loop, 100 rps for
 * 20 s) without, with, and again without 10,000 idle subscribed sockets on the same router
 * (bench/idle-sockets.ts). Idle sockets should not move it: the router pings each every 12 s
 * (graphql-ws keep-alive) and checks them for revocation every second, and nothing else. The
 * router's CPU over 10 s without any traffic, with and without the sockets, is what they cost.
 * BENCH_RPS and BENCH_SECONDS change the rate and length: the rate must be one the box sustains, or both runs
 * measure queueing (check "req/s" against the rate).
 */
import { checkCapacity, holdSockets } from './idle-sockets.ts';
import { cpuSecondsOf, loadAverage, memoryOf, routerPidOf } from './proc.ts';
import { gql } from './client.ts';
import { patientToken, seededDoctors, sleep } from './seeded.ts';
import { fmt, loadAtRate, type LoadResult } from './stats.ts';

export async function meUnderIdleSockets(
  urls: { routerUrl: string },
  options: { sockets: number; processes: number; doctors: number; rps: number; seconds: number; doctorPassword: string; patientPassword: string },
): Promise<void> {
  const pid = routerPidOf(urls.routerUrl);
  console.log(`me at ${options.rps} rps for ${options.seconds} s, without and with ${options.sockets} idle subscriptions (router pid ${pid})`);
  checkCapacity(pid, options.sockets, options.processes);
  const doctors = await seededDoctors(urls.routerUrl, options.doctors, options.doctorPassword);
  const patient = await patientToken(urls.routerUrl, options.patientPassword, 4);
  const reader = await patientToken(urls.routerUrl, options.patientPassword, 5);
  const me = async (): Promise<boolean> => !(await gql(urls.routerUrl, '{ me { id name role email createdAt } }', {}, reader)).errors;

  const idleCpu = async (label: string): Promise<void> => {
    const cpu = cpuSecondsOf(pid);
    await sleep(10_000);
    console.log(
      `  ${label.padEnd(28)} router CPU ${((100 * (cpuSecondsOf(pid) - cpu)) / 10).toFixed(1)}% of a core over 10 s without requests, load ${loadAverage().toFixed(1)}`,
    );
  };
  const phase = async (label: string): Promise<LoadResult> => {
    const cpu = cpuSecondsOf(pid);
    const result = await loadAtRate(options.rps, options.seconds, me);
    const routerCpu = (100 * (cpuSecondsOf(pid) - cpu)) / result.seconds;
    console.log(
      `  ${label.padEnd(28)} ${fmt(result)}; router CPU ${routerCpu.toFixed(0)}% of a core, RSS ${memoryOf(pid).rssMiB.toFixed(0)} MiB, load ${loadAverage().toFixed(1)}`,
    );
    return result;
  };

  await loadAtRate(options.rps, 5, me); // warm-up
  await idleCpu('idle, without sockets');
  const without = await phase('without sockets');
  const held = await holdSockets(urls.routerUrl, doctors, patient, options.sockets, options.processes);
  let withSockets: LoadResult;
  try {
    // Quiet first: the check bookings, their cancellations and the sockets' handshakes are over.
    await sleep(5_000);
    await idleCpu(`idle, ${options.sockets} sockets`);
    withSockets = await phase(`with ${options.sockets} idle sockets`);
    const status = await held.fleet.status();
    if (Object.keys(status.closes).length || status.refusals)
      console.log(`  closed early: ${JSON.stringify(status.closes)}, refused ${status.refusals} ${status.firstRefusal ?? ''}`);
  } finally {
    await held.fleet.close();
  }
  await sleep(5_000);
  const again = await phase('without sockets, again');
  const base = { p50: (without.p50 + again.p50) / 2, p99: (without.p99 + again.p99) / 2 };
  console.log(`  with / without (mean of both runs without): p50 ${(withSockets.p50 / base.p50).toFixed(2)}x, p99 ${(withSockets.p99 / base.p99).toFixed(2)}x`);
}
