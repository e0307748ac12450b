import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../subgraphs.ts';

/** ADMIN_EMAIL/ADMIN_PASSWORD, else what `pnpm start` wrote to $DATA_DIR/admin.json. */
export function adminCredentials(): { email: string; password: string } {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = process.env;
  if (email && password) return { email, password };
  const file = join(repoRoot, process.env['DATA_DIR'] ?? '.data', 'admin.json');
  if (!existsSync(file)) throw new Error(`Set ADMIN_EMAIL and ADMIN_PASSWORD, or start the system once with \`pnpm start\` so that ${file} exists.`);
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}
