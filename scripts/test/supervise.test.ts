import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nextBackoff, supervise } from '../supervise.ts';

const policy = { firstMs: 50, maxMs: 400, stableAfterMs: 10_000 };

describe('nextBackoff', () => {
  it.each([
    ['first crash', undefined, 10, 50],
    ['doubles on a quick crash', 50, 10, 100],
    ['is capped', 400, 10, 400],
    ['starts over after a stable run', 400, 10_000, 50],
  ])('%s', (_name, previous, ranFor, expected) => {
    expect(nextBackoff(previous, ranFor, policy)).toBe(expected);
  });
});

describe('supervise', () => {
  it('restarts a crashing service with a growing backoff, says why, and stops it for good', async () => {
    const lines: string[] = [];
    const log = { info: (_f: object, m: string) => lines.push(m), error: (_f: object, m: string) => lines.push(m) };
    const service = supervise('crasher', () => spawn(process.execPath, ['-e', 'setTimeout(() => process.exit(3), 30)']), log, policy);
    const started = Date.now();
    while (service.restarts() < 3 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
    expect(service.restarts()).toBeGreaterThanOrEqual(3);
    expect(lines).toContain('crasher restarted');
    expect(lines.find((l) => l.startsWith('crasher exited (code 3)'))).toMatch(/restarting in 0.05 s/);
    expect(lines.some((l) => /restarting in 0.2 s/.test(l))).toBe(true);
    await service.stop(1_000);
    const after = service.restarts();
    await new Promise((r) => setTimeout(r, 600));
    expect(service.restarts()).toBe(after);
  });

  it('ends a running service on stop, with SIGKILL if it ignores SIGTERM', async () => {
    const log = { info: () => {}, error: () => {} };
    const stubborn = supervise(
      'stubborn',
      () => spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)']),
      log,
      policy,
    );
    // Only once it ignores SIGTERM (a loaded machine can take longer than any fixed wait to start node).
    await new Promise((resolve) => stubborn.current().stdout!.once('data', resolve));
    await stubborn.stop(300);
    expect(stubborn.current().signalCode).toBe('SIGKILL');
  });
});
