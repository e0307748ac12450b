import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Viewer } from '@medappt/platform';
import type { RouterContext } from '../router.ts';

/** One socket, as connection_init left it. */
export interface Connection {
  readonly socket: WebSocket;
  readonly authorization: string | undefined;
  readonly viewer: Viewer | null;
  readonly problem: string | undefined;
  readonly clientIp: string;
  readonly userAgent: string;
  subscriptions: number;
  expiry?: NodeJS.Timeout;
}

/** The gateway context a reading runs in: the connection's token and client facts, or nobody's (public readings). */
export function contextOf(connection: Connection | null): RouterContext {
  return {
    authorization: connection?.authorization,
    requestId: randomUUID(),
    clientIp: connection?.clientIp ?? '',
    userAgent: connection?.userAgent ?? '',
    clientRequestId: '',
    anonymous: !connection?.viewer,
  };
}
