import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MessageType, stringifyMessage } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { MAX_QUEUED_RESULTS, nextStream } from '../../src/subscriptions/next-stream.ts';

/** A ws socket that records what is written and flushes only when told. */
function fakeSocket() {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  const socket = Object.assign(new EventEmitter(), {
    OPEN: 1,
    readyState: 1,
    send: (data: string, cb: () => void) => {
      written.push(data);
      pending.push(cb);
    },
  });
  const flushAll = () => pending.splice(0).forEach((cb) => cb());
  return { socket: socket as unknown as WebSocket & { readyState: number }, written, flushAll };
}

describe('next stream: one serialisation per group, graphql-ws messages per subscriber', () => {
  it('writes exactly the `next` message graphql-ws would, ids escaped', () => {
    const { socket, written } = fakeSocket();
    const result = {
      data: { appointmentChanged: { action: 'REQUESTED', appointment: { id: 'a"1', status: 'REQUESTED' } } },
      errors: [{ message: 'x', extensions: { code: 'Y' } }],
    };
    const id = 'sub-"1"\\';
    nextStream(
      socket,
      id,
      () => undefined,
      () => undefined,
    ).send(JSON.stringify(result));
    expect(written).toEqual([stringifyMessage({ id, type: MessageType.Next, payload: result })]);
    expect(JSON.parse(written[0]!)).toEqual({ id, type: 'next', payload: result });
  });

  it('ends with return() (complete, close) and writes nothing after it', async () => {
    const { socket, written } = fakeSocket();
    let ends = 0;
    const stream = nextStream(
      socket,
      '1',
      () => undefined,
      () => (ends += 1),
    );
    const pulled = stream.iterator.next();
    await stream.iterator.return!();
    await expect(pulled).resolves.toEqual({ value: undefined, done: true });
    stream.send('{}');
    expect(written).toEqual([]);
    expect(stream.ended()).toBe(true);
    await stream.iterator.return!();
    expect(ends).toBe(1);
  });

  it(`a socket that does not drain ${MAX_QUEUED_RESULTS} results is too slow; one that drains is not`, () => {
    const { socket, written, flushAll } = fakeSocket();
    let overflows = 0;
    const stream = nextStream(
      socket,
      '1',
      () => (overflows += 1),
      () => undefined,
    );
    for (let i = 0; i < 3 * MAX_QUEUED_RESULTS; i += 1) {
      stream.send(`{"n":${i}}`);
      if (i % 10 === 0) flushAll();
    }
    expect(overflows).toBe(0);
    flushAll();
    for (let i = 0; i <= MAX_QUEUED_RESULTS; i += 1) stream.send('{}');
    expect(overflows).toBe(1);
    expect(stream.ended()).toBe(true);
    expect(written).toHaveLength(4 * MAX_QUEUED_RESULTS);
    // In order, as they came.
    expect(written.slice(0, 3).map((m) => JSON.parse(m).payload.n)).toEqual([0, 1, 2]);
  });

  it('skips a socket that is no longer open, as graphql-ws does', () => {
    const { socket, written } = fakeSocket();
    socket.readyState = 2;
    nextStream(
      socket,
      '1',
      () => undefined,
      () => undefined,
    ).send('{}');
    expect(written).toEqual([]);
  });
});
