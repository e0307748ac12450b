import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDoctorsConfig } from '../src/config.ts';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('configuration', () => {
  it('refuses to start and names every bad variable at once', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', entry], {
      env: { PATH: process.env['PATH'], PORT: 'eighty', DATABASE_URL: 'mysql://localhost/db' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('doctors: invalid configuration');
    expect(run.stderr).toMatch(/PORT: .*number/);
    expect(run.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(run.stderr).toMatch(/USERS_JWKS_URL: must be the users subgraph JWKS URL/);
  });

  it('listens on 4002 by default', () => {
    expect(loadDoctorsConfig({ USERS_JWKS_URL: 'http://127.0.0.1:4001/.well-known/jwks.json' }).PORT).toBe(4002);
  });
});
