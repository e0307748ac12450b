import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { renderedOnce, type AnyPgDatabase } from '../../src/db.ts';

describe('renderedOnce', () => {
  it('refuses a statement with a value written into its template, which every later call would send again', async () => {
    const statement = renderedOnce<{ id: string }>((p) => sql`select ${p.id}::uuid, ${'baked in'}`);
    // The check runs when the text is rendered, before any database is asked.
    await expect(statement({} as AnyPgDatabase, { id: 'x' })).rejects.toThrow('every value of the statement must be a placeholder');
  });
});
