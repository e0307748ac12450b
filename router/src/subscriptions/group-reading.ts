import { createHash } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { DocumentNode, ExecutionResult } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { RouterContext } from '../router.ts';
import { contextOf, type Connection } from './connection.ts';
import { PUBLIC_SCOPE, type GatewayAnswer, type Reading } from './fields/live-field.ts';
import type { Group, Member } from './live-groups.ts';
import { entitiesOf, payloadOf } from './payload-query.ts';

/** A query through the in-process gateway as `connection` (null: as nobody). */
export function gatewayQuery(apollo: ApolloServer<RouterContext>) {
  return async (query: string | DocumentNode, variables: Record<string, unknown>, connection: Connection | null): Promise<GatewayAnswer | null> => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: contextOf(connection) });
    if (response.body.kind !== 'single') return null;
    const { data, errors } = response.body.singleResult;
    return { data: data as Record<string, unknown> | null | undefined, ...(errors ? { errors } : {}) };
  };
}

/** How long a refused nested field waits for the read model behind it to catch up (see laggingRefusal). */
const READ_MODEL_GRACE_MS = 300;

/**
 * Reads one event for a group of subscribers that would see the same thing. A public group reads
 * as nobody; any other reads with the token of one member, and a member whose token no longer
 * holds is closed (4403) and the next one is tried.
 */
export function groupReader(query: ReturnType<typeof gatewayQuery>) {
  function send(group: Group, members: readonly Member[], result: ExecutionResult): void {
    // Serialised once for the whole group: each member's message is its id around this text.
    const json = JSON.stringify(result);
    if (group.field.onlyWhenChanged) {
      // A digest, not the payload: thousands of windows must not each keep a copy of their slots.
      const digest = createHash('sha1').update(json).digest('base64');
      if (digest === group.lastSent) return;
      group.lastSent = digest;
    }
    for (const member of members) member.send(json);
  }

  /** The payload from an answer, or null when the reader may not see the entity (any more) or it is gone. */
  function resultOf(group: Group, answer: GatewayAnswer, reading: Reading): ExecutionResult | null {
    const { data, errors } = answer;
    if (!data || entitiesOf(group.plan, data).some((value) => value === null || value === undefined)) return null;
    return { data: payloadOf(group.plan, data, reading.statics), ...(errors ? { errors: errors as never } : {}) };
  }

  /**
   * An answer that refuses a nested field (FORBIDDEN or NOT_FOUND below the entity), read as a
   * member. Such a refusal can be a read model that has not yet applied this very event (patients
   * learns the care relation from the same appointment event the router is delivering), so it is
   * read once more after a moment before it is sent; a refusal that holds then is sent as it is.
   */
  const laggingRefusal = (answer: GatewayAnswer): boolean =>
    answer.errors?.some((e) => ['FORBIDDEN', 'NOT_FOUND'].includes(String(e.extensions?.['code'])) && (e.path?.length ?? 0) > 1) ?? false;

  async function readAs(connection: Connection, plan: Group['plan'], variables: Record<string, unknown>): Promise<GatewayAnswer | null> {
    const answer = await query(plan.query!, variables, connection);
    if (!answer || !laggingRefusal(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, READ_MODEL_GRACE_MS));
    return query(plan.query!, variables, connection);
  }

  return async function read(group: Group, reading: Reading): Promise<void> {
    const live = [...group.members].filter((m) => !m.ended());
    if (live.length === 0) return;
    const { plan } = group;
    // Only static parts asked for (e.g. `{ action }`): nothing to read.
    if (!plan.query) return send(group, live, { data: payloadOf(plan, {}, reading.statics) });
    const variables = { ...group.variables, ...(plan.idVariable ? { [plan.idVariable]: reading.entityId } : {}) };
    if (group.scope === PUBLIC_SCOPE) {
      const answer = await query(plan.query, variables, null);
      const result = answer && resultOf(group, answer, reading);
      if (result) send(group, live, result);
      return;
    }
    const refused = new Set<Connection>();
    for (const reader of live) {
      if (refused.has(reader.connection)) continue;
      const answer = await readAs(reader.connection, plan, variables);
      if (!answer) return;
      if (answer.errors?.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) {
        // This token no longer holds (revoked, expired): its client reconnects with a fresh one, or not at all.
        reader.connection.socket.close(CloseCode.Forbidden, 'Forbidden: the access token no longer holds; reconnect with a fresh one');
        refused.add(reader.connection);
        continue;
      }
      const result = resultOf(group, answer, reading);
      if (result)
        send(
          group,
          live.filter((m) => !refused.has(m.connection)),
          result,
        );
      return;
    }
  };
}
