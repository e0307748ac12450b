/**
 * What the kernel knows about a running router, read from /proc (Linux): which process listens on
 * its port, its resident memory, its CPU time and its open-file limit. Only the public surface:
 * the router is found by the port it serves, not by how it was started.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The router's pid, found by the port of `url` (ROUTER_PID wins when set). */
export function routerPidOf(url: string): number {
  const given = process.env['ROUTER_PID'];
  return given ? Number(given) : pidListeningOn(Number(new URL(url).port || 80));
}

/** The pid listening on `port` on this machine. */
export function pidListeningOn(port: number): number {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT, st 0A is LISTEN, inode is column 10.
      if (cols[3] === '0A' && parseInt(cols[1]?.split(':')[1] ?? '', 16) === port && cols[9]) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) throw new Error(`nothing listens on port ${port} (is the system running? pnpm start)`);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        /* closed meanwhile */
      }
    }
  }
  throw new Error(`port ${port} is listening, but its process is not readable here: set ROUTER_PID`);
}

/** VmRSS and VmHWM (peak) of `pid` in MiB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** User + system CPU seconds `pid` has used so far (/proc/<pid>/stat, USER_HZ = 100 on Linux). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count from the closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The parent of every running process (field 4 of /proc/<pid>/stat). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  return parentOf;
}

/**
 * `pid` and the processes it started that run the same program: a router with ROUTER_WORKERS > 1
 * is its primary (which holds the port) and the workers it forked.
 */
export function processTree(pid: number): number[] {
  const exe = (p: number): string => {
    try {
      return readlinkSync(`/proc/${p}/exe`);
    } catch {
      return '';
    }
  };
  const program = exe(pid);
  const parentOf = parents();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parentOf) if (parent === tree[i] && exe(child) === program) tree.push(child);
  return tree;
}

/** CPU seconds of `pid` and its same-program children (see processTree), those still running. */
export function cpuSecondsOfTree(pid: number): number {
  let seconds = 0;
  for (const p of processTree(pid)) {
    try {
      seconds += cpuSecondsOf(p);
    } catch {
      /* exited meanwhile */
    }
  }
  return seconds;
}

/**
 * CPU time `pid` has used so far, in ms, to the nanosecond: the sum over its threads (the main
 * thread, libuv's pool where WebCrypto and hashing run, GC helpers) of /proc/<pid>/task/<tid>/schedstat.
 * /proc/<pid>/stat counts in 10 ms ticks, too coarse for a short run of sub-millisecond requests.
 */
export function cpuMsOf(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      /* the thread ended meanwhile */
    }
  }
  return ns / 1e6;
}

/** The soft "Max open files" of `pid` (its ulimit -n). */
export function openFileLimitOf(pid: number | 'self'): number {
  const limits = readFileSync(`/proc/${pid}/limits`, 'utf8');
  const soft = /^Max open files\s+(\S+)/m.exec(limits)?.[1];
  return soft === 'unlimited' ? Infinity : Number(soft);
}

/** How many ephemeral ports one client address has towards one server port. */
export function ephemeralPorts(): { low: number; high: number; count: number } {
  const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number) as [number, number];
  return { low, high, count: high - low + 1 };
}

/** The 1-minute load average: how busy the shared box was during a run. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}
