// Start/stop a local single-node Kafka broker (scripts/kafka/start) from Node: tests, dev scripts, CI.
// Node builtins only, so it works before/without `pnpm install`. Types: broker.d.mts. See README.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..', '..');
export const START_SCRIPT = path.join(scriptDir, 'start');

const READY_LINE = /Kafka Server started/;
const TAIL_LINES = 60;
const STOP_GRACE_MS = 15_000;

/** A TCP port that is free on 127.0.0.1 right now. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Uses the cluster named by KAFKA_BROKERS (comma-separated host:port) when set, otherwise starts
 * a local broker. stop() of an external cluster does nothing.
 */
export async function ensureKafkaBroker(options = {}) {
  const external = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (external.length > 0) {
    return { brokers: external, stop: async () => {}, pid: null, external: true };
  }
  return { ...(await startKafkaBroker(options)), external: false };
}

export async function startKafkaBroker({
  port,
  controllerPort,
  dataDir,
  log = false,
  timeoutMs = Number(process.env.KAFKA_START_TIMEOUT_MS) || 120_000,
  args = [],
} = {}) {
  const pickedPorts = !port;
  if (pickedPorts) port = await findFreePort();
  if (!controllerPort) {
    if (pickedPorts) {
      do controllerPort = await findFreePort();
      while (controllerPort === port);
    } else {
      controllerPort = port + 1000; // same default as the start script
    }
  }

  // Picked ports mean a throwaway broker: give it a fresh data dir and remove it on stop().
  let tempDataDir = null;
  if (!dataDir) {
    if (pickedPorts) {
      dataDir = tempDataDir = mkdtempSync(path.join(os.tmpdir(), `kafka-${port}-`));
    } else {
      const cacheDir = process.env.KAFKA_CACHE_DIR || path.join(repoRoot, '.cache', 'kafka');
      dataDir = path.join(cacheDir, `data-${port}`);
    }
  }
  dataDir = path.resolve(dataDir);
  const logFile = path.join(dataDir, 'logs', 'server.log');

  const emit = typeof log === 'function' ? log : log ? (line) => process.stderr.write(`[kafka:${port}] ${line}\n`) : () => {};

  const child = spawn(
    'bash',
    [
      START_SCRIPT,
      '--port',
      String(port),
      '--controller-port',
      String(controllerPort),
      '--data-dir',
      dataDir,
      ...(tempDataDir ? ['--ephemeral'] : []),
      // The start script stops the broker itself if this process dies without calling stop().
      '--watch-pid',
      String(process.pid),
      ...(args.length ? ['--', ...args] : []),
    ],
    // Own process group, so stop() also reaches a Maven run that has not exec'd into java yet.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid;

  const tail = [];
  let exited = null; // { code, signal } once the process is gone
  /** @type {(line: string) => void} */
  let onLine = () => {};
  let spawnError = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve((exited ??= { code, signal })));
    child.on('error', (err) => {
      spawnError = err;
      if (!pid) resolve((exited ??= { code: null, signal: null }));
    });
  });

  // Always drain both pipes: a full pipe would block the broker's logging and hang it.
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        emit(line);
        onLine(line);
      }
    });
  }

  const killGroup = (signal) => {
    if (!pid) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const onParentExit = () => {
    if (!exited) killGroup('SIGTERM');
  };
  process.on('exit', onParentExit);

  let stopping = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (!exited) {
        killGroup('SIGTERM');
        const timer = setTimeout(() => killGroup('SIGKILL'), STOP_GRACE_MS);
        await exitPromise;
        clearTimeout(timer);
      }
      process.off('exit', onParentExit);
      if (tempDataDir) rmSync(tempDataDir, { recursive: true, force: true });
    })());

  const failure = (code, message, logLines = 10) => {
    const output = tail.filter((line) => !/^\s+(at |\.\.\. \d+ more)/.test(line)); // stack frames
    const parts = [message, '', '--- start script output (tail) ---', ...output];
    const logTail = readTail(logFile, logLines);
    if (logTail) parts.push('', `--- ${logFile} (tail) ---`, logTail);
    return Object.assign(new Error(parts.join('\n')), { code, exitCode: exited?.code ?? null });
  };

  const started = new Promise((resolve) => {
    onLine = (line) => {
      if (READY_LINE.test(line)) resolve();
    };
  });
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });

  const outcome = await Promise.race([started.then(() => 'started'), exitPromise.then(() => 'exited'), timedOut.then(() => 'timeout')]);
  clearTimeout(timer);
  onLine = () => {};

  if (outcome !== 'started') {
    await stop();
    if (spawnError) {
      throw Object.assign(new Error(`could not run ${START_SCRIPT}: ${spawnError.message}`), {
        code: 'KAFKA_START_FAILED',
        exitCode: null,
      });
    }
    if (outcome === 'timeout') {
      throw failure('KAFKA_START_TIMEOUT', `Kafka broker on ${HOST}:${port} not ready after ${timeoutMs} ms`, 40);
    }
    const how = exited.signal ? `signal ${exited.signal}` : `code ${exited.code}`;
    const code = exited.code === 3 ? 'KAFKA_JAVA_NOT_FOUND' : exited.code === 4 ? 'KAFKA_JARS_UNAVAILABLE' : 'KAFKA_START_FAILED';
    throw failure(code, `Kafka broker exited during startup (${how})`);
  }

  // The log line comes after the listeners are up; one connect confirms it from the client side.
  try {
    await tcpConnect(port);
  } catch (err) {
    await stop();
    throw failure('KAFKA_START_FAILED', `Kafka logged ready but ${HOST}:${port} refused a connection: ${err.message}`);
  }

  // Neither the broker nor its pipes should keep this process alive; the exit hook stops it.
  child.unref();
  child.stdout.unref?.();
  child.stderr.unref?.();

  return {
    brokers: [`${HOST}:${port}`],
    stop,
    pid,
    port,
    controllerPort,
    dataDir,
    logFile,
  };
}

function tcpConnect(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: HOST, port });
    socket.setTimeout(5_000, () => socket.destroy(new Error('connect timeout')));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}

function readTail(file, lines) {
  if (!existsSync(file)) return '';
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .slice(-lines - 1)
      .join('\n')
      .trimEnd();
  } catch {
    return '';
  }
}
