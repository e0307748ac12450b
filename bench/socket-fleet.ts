/**
 * Subscribed sockets held by child processes (bench/socket-holder.ts), so that the router is
 * measured with its clients outside it and outside the process that books and times: each child
 * holds its share, opens them a few at a time, and reports, per change, when each of its sockets
 * had it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Sockets of one kind: `count` of them, each with `token` in connection_init and `variables`. */
export interface SocketGroup {
  token: string;
  variables: Record<string, unknown>;
  count: number;
}

export type HolderRequest =
  | { type: 'open'; url: string; query: string; groups: SocketGroup[]; concurrency: number }
  | { type: 'await'; key: string; count: number; timeoutMs: number }
  | { type: 'status' }
  | { type: 'close' };

export interface HolderStatus {
  closes: Record<string, number>;
  refusals: number;
  firstRefusal: string | undefined;
  rssMiB: number;
}

export type HolderReply =
  | { type: 'started' }
  | ({ type: 'opened'; connected: number; failed: number; ms: number } & HolderStatus)
  | { type: 'arrivals'; key: string; times: number[] }
  | ({ type: 'status' } & HolderStatus)
  | { type: 'closed' };

const holderScript = fileURLToPath(new URL('./socket-holder.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

class Holder {
  private readonly waiting = new Map<string, ((reply: HolderReply) => void)[]>();
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.on('message', (reply: HolderReply) => {
      const id = reply.type === 'arrivals' ? `arrivals:${reply.key}` : reply.type;
      this.waiting.get(id)?.shift()?.(reply);
    });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** The next reply `replyId` (a reply type, or `arrivals:<key>`). */
  reply<T extends HolderReply['type']>(replyId: string): Promise<Extract<HolderReply, { type: T }>> {
    return new Promise<Extract<HolderReply, { type: T }>>((resolve, reject) => {
      const queue = this.waiting.get(replyId) ?? [];
      queue.push((r) => resolve(r as Extract<HolderReply, { type: T }>));
      this.waiting.set(replyId, queue);
      void this.exited.then((code) => reject(new Error(`a socket holder exited (code ${code}) while the bench waited for "${replyId}"`)));
    });
  }

  request<T extends HolderReply['type']>(message: HolderRequest, replyId: string): Promise<Extract<HolderReply, { type: T }>> {
    const reply = this.reply<T>(replyId);
    this.child.send(message);
    return reply;
  }
}

export interface FleetOpened {
  connected: number;
  failed: number;
  /** The slowest child's time to open its share. */
  ms: number;
  status: HolderStatus;
}

/** A set of child processes that each hold a share of the sockets. */
export class SocketFleet {
  private constructor(
    private readonly holders: Holder[],
    /** Per child, how many of its sockets follow each doctor. */
    private readonly following: Map<string, number>[],
  ) {}

  /**
   * Spreads `groups` over `processes` children (round-robin per socket, so every child holds some
   * of every group) and opens them all; resolves when every socket has its connection_ack (or failed).
   */
  static async open(options: {
    url: string;
    query: string;
    groups: (SocketGroup & { doctorId: string })[];
    processes: number;
    concurrencyPerProcess?: number;
  }): Promise<{ fleet: SocketFleet; opened: FleetOpened }> {
    const processes = Math.max(
      1,
      Math.min(
        options.processes,
        options.groups.reduce((n, g) => n + g.count, 0),
      ),
    );
    const shares = Array.from({ length: processes }, () => [] as (SocketGroup & { doctorId: string })[]);
    for (const group of options.groups) {
      for (let p = 0; p < processes; p += 1) {
        const count = Math.floor(group.count / processes) + (p < group.count % processes ? 1 : 0);
        if (count > 0) shares[p]!.push({ ...group, count });
      }
    }
    const started: Promise<unknown>[] = [];
    const holders = shares.map(() => {
      const holder = new Holder(spawn(process.execPath, ['--import', 'tsx', holderScript], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
      started.push(holder.reply<'started'>('started'));
      return holder;
    });
    await Promise.all(started);
    const replies = await Promise.all(
      holders.map((h, p) =>
        h.request<'opened'>(
          {
            type: 'open',
            url: options.url.replace(/^http/, 'ws'),
            query: options.query,
            groups: shares[p]!.map(({ token, variables, count }) => ({ token, variables, count })),
            concurrency: options.concurrencyPerProcess ?? 50,
          },
          'opened',
        ),
      ),
    );
    const following = shares.map((share) => {
      const byDoctor = new Map<string, number>();
      for (const group of share) byDoctor.set(group.doctorId, (byDoctor.get(group.doctorId) ?? 0) + group.count);
      return byDoctor;
    });
    const fleet = new SocketFleet(holders, following);
    return {
      fleet,
      opened: {
        connected: replies.reduce((n, r) => n + r.connected, 0),
        failed: replies.reduce((n, r) => n + r.failed, 0),
        ms: Math.max(...replies.map((r) => r.ms)),
        status: merge(replies),
      },
    };
  }

  get pids(): number[] {
    return this.holders.map((h) => h.child.pid ?? 0);
  }

  /**
   * The arrival times (wall-clock ms) of change `action` of appointment `appointmentId` at every
   * socket following `doctorId`, once all have it or `timeoutMs` passed (then fewer).
   */
  async arrivals(doctorId: string, appointmentId: string, action: string, timeoutMs = 10_000): Promise<{ times: number[]; expected: number }> {
    const key = `${appointmentId}:${action}`;
    const replies = await Promise.all(
      this.holders.map((h, p) => {
        const count = this.following[p]!.get(doctorId) ?? 0;
        return count === 0 ? Promise.resolve({ times: [] }) : h.request<'arrivals'>({ type: 'await', key, count, timeoutMs }, `arrivals:${key}`);
      }),
    );
    const expected = this.following.reduce((n, m) => n + (m.get(doctorId) ?? 0), 0);
    return { times: replies.flatMap((r) => r.times), expected };
  }

  /** Close codes and refusals seen so far, and the children's own memory. */
  async status(): Promise<HolderStatus> {
    return merge(await Promise.all(this.holders.map((h) => h.request<'status'>({ type: 'status' }, 'status'))));
  }

  async close(): Promise<void> {
    await Promise.all(
      this.holders.map(async (h) => {
        if (h.child.exitCode !== null) return;
        await h.request<'closed'>({ type: 'close' }, 'closed').catch(() => undefined);
        await h.exited;
      }),
    );
  }
}

function merge(statuses: HolderStatus[]): HolderStatus {
  const closes: Record<string, number> = {};
  for (const s of statuses) for (const [code, n] of Object.entries(s.closes)) closes[code] = (closes[code] ?? 0) + n;
  return {
    closes,
    refusals: statuses.reduce((n, s) => n + s.refusals, 0),
    firstRefusal: statuses.find((s) => s.firstRefusal)?.firstRefusal,
    rssMiB: statuses.reduce((n, s) => n + s.rssMiB, 0),
  };
}
