import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { renderedOnce, sqlLiterals, type AnyPgDatabase } from '../../src/db.ts';

describe('renderedOnce', () => {
  it('refuses a statement with a value written into its template, which every later call would send again', async () => {
    const statement = renderedOnce<{ id: string }>((p) => sql`select ${p.id}::uuid, ${'baked in'}`);
    // The check runs when the text is rendered, before any database is asked.
    await expect(statement({} as AnyPgDatabase, { id: 'x' })).rejects.toThrow('every value of the statement must be a placeholder');
  });
});

describe('sqlLiterals', () => {
  it('writes constants into the text as quoted literals, no parameters, quotes doubled', () => {
    const query = new PgDialect().sqlToQuery(sql`select 1 where status in (${sqlLiterals(['PENDING', 'RETRYING'])}) or note = ${sqlLiterals(["it's"])}`);
    expect(query).toEqual({ sql: "select 1 where status in ('PENDING', 'RETRYING') or note = 'it''s'", params: [] });
  });
});
