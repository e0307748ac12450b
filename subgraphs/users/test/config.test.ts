import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('configuration errors', () => {
  it('refuses to start and names every bad variable at once', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', entry], {
      env: { PATH: process.env['PATH'], PORT: 'eighty', DATABASE_URL: 'mysql://localhost/db', ADMIN_EMAIL: 'admin@clinic.test', LOG_LEVEL: 'loud' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('users: invalid configuration');
    expect(run.stderr).toMatch(/PORT: .*number/);
    expect(run.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(run.stderr).toMatch(/LOG_LEVEL: /);
    expect(run.stderr).toMatch(/ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together/);
  });
});
