/**
 * `BENCH=request`: the fixed CPU cost of one GraphQL request in a subgraph, without the system.
 * A child process (bench/request-cost-server.ts) serves a tiny schema through the platform's
 * subgraph path; this process signs requests as the router does and mints ES256 access tokens
 * (its own key, published as the JWKS the child verifies against). Three requests: an anonymous
 * `{ __typename }`, `me` with a token, and 100 slots × 5 fields with a token (where graphql-js's
 * per-field work shows). The child's CPU per request is read from /proc.
 *
 * Variants alternate round by round on the same box, so load moves them alike:
 * REQUEST_COST_ROOTS=/path/a,/path/b runs the child from several checkouts (A/B of code; the
 * first is the baseline), REQUEST_COST_NODE_ENV=,production runs it under several NODE_ENV
 * values (empty: unset), REQUEST_COST_NODE_FLAGS=',--max-semi-space-size=64' with several sets of node
 * flags (space-separated within a set). PROFILE=1 profiles each variant's child over its measured rounds.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCESS_TOKEN_ALG, Forwarded, GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@medappt/platform';
import { createTokenIssuer } from '../subgraphs/users/src/adapters/token-issuer.ts';
import { printCpuProfile, type CpuCategory, type CpuProfile } from './profile.ts';
import { cpuMsOf, loadAverage } from './proc.ts';
import { load, type LoadResult } from './stats.ts';

export const REQUEST_CATEGORIES: CpuCategory[] = [
  ['garbage collection', (fn) => fn === '(garbage collector)'],
  // The kernel's loopback TCP, the receiving side's included, is charged to the writer.
  ['socket writes (the kernel)', (fn) => /^(writev|writeUtf8String|writeLatin1String|writeBuffer)$/.test(fn)],
  ['JWT verification (jose, ES256)', (_fn, url) => /node_modules\/.*\/jose\//.test(url)],
  ['token verifier (auth.ts)', (_fn, url) => /platform\/src\/auth\.ts/.test(url)],
  ['router signature (gateway-credential.ts)', (_fn, url) => /platform\/src\/gateway-credential\.ts/.test(url)],
  ['operation limits (limits.ts, graphql-armor)', (_fn, url) => /platform\/src\/limits\.ts/.test(url) || /graphql-armor/.test(url)],
  ['input guard', (_fn, url) => /platform\/src\/input-guard\.ts/.test(url)],
  // Node 20's AsyncLocalStorage (the request scope in logger.ts) runs a hook for every promise made.
  ['request scope (async_hooks for AsyncLocalStorage)', (_fn, url) => url === 'node:internal/async_hooks' || url === 'node:async_hooks'],
  ['logging (pino)', (_fn, url) => /node_modules\/.*\/pino/.test(url)],
  ['graphql parse', (_fn, url) => /node_modules\/.*\/graphql\/language\/parser/.test(url)],
  ['graphql validate', (_fn, url) => /node_modules\/.*\/graphql\/(validation|utilities\/TypeInfo)/.test(url)],
  ['graphql execute', (_fn, url) => /node_modules\/.*\/graphql\/(execution|type|jsutils)\//.test(url)],
  ['response stringify', (fn, url) => fn === 'prettyJSONStringify' || (url === '' && fn === 'stringify')],
  ["Apollo's query hash (module.require('crypto') through tsx)", (_fn, url) => /utils\.createhash/.test(url)],
  ['Apollo Server pipeline', (_fn, url) => /node_modules\/.*\/(@apollo|negotiator|whatwg-mimetype)\//.test(url)],
  ['platform HTTP (http.ts, subgraph.ts)', (_fn, url) => /platform\/src\/(http|subgraph)\.ts/.test(url)],
  ['node HTTP, sockets, the rest', () => true],
];

type Kind = 'typename' | 'me' | 'slots';
const REQUESTS: Record<Kind, { query: string; variables: object; token: boolean; count: number }> = {
  typename: { query: '{ __typename }', variables: {}, token: false, count: 100 },
  me: { query: 'query Me { me { userId role } }', variables: {}, token: true, count: 100 },
  slots: { query: 'query Slots($n: Int) { slots(first: $n) { id start end doctorId free } }', variables: { n: 100 }, token: true, count: 30 },
};

interface Variant {
  label: string;
  root: string;
  nodeEnv: string | undefined;
  child: ChildProcess;
  url: string;
  cpuMsPerRequest: Record<Kind, number[]>;
}

const here = resolve(fileURLToPath(new URL('..', import.meta.url)));

async function startChild(
  root: string,
  nodeEnv: string | undefined,
  flags: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env, NODE_ENV: nodeEnv };
  if (nodeEnv === undefined) delete childEnv['NODE_ENV'];
  const child = fork(join(root, 'bench/request-cost-server.ts'), [], { cwd: root, env: childEnv, execArgv: [...flags, '--import', 'tsx'], stdio: 'inherit' });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`the request-cost server from ${root} exited with ${code}`)));
    child.on('message', (message: { port?: number }) => {
      if (message.port) resolvePort(message.port);
    });
  });
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

function ask(child: ChildProcess, message: object, answer: string): Promise<void> {
  return new Promise((resolveAnswer, reject) => {
    const gone = (code: number | null): void => reject(new Error(`the request-cost server exited (${code}) instead of answering ${answer}`));
    const listener = (reply: Record<string, unknown>): void => {
      if (!(answer in reply)) return;
      child.off('message', listener).off('exit', gone);
      resolveAnswer();
    };
    child.on('message', listener).once('exit', gone);
    child.send(message);
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function requestCost(options: { rounds: number; concurrency: number; profile: boolean }): Promise<void> {
  const roots = (process.env['REQUEST_COST_ROOTS'] ?? here).split(',').map((r) => resolve(r));
  const nodeEnvs = (process.env['REQUEST_COST_NODE_ENV'] ?? '').split(',').map((v) => v || undefined);
  const flagSets = (process.env['REQUEST_COST_NODE_FLAGS'] ?? '').split(',').map((v) => v.split(' ').filter(Boolean));

  // The JWKS the children fetch, and the tokens they verify: as the users subgraph issues them.
  const { publicKey, privateKey } = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const kid = randomBytes(8).toString('base64url');
  const jwks = JSON.stringify({ keys: [{ ...(await webcrypto.subtle.exportKey('jwk', publicKey)), kid, alg: ACCESS_TOKEN_ALG, use: 'sig' }] });
  const jwksServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  const issuer = createTokenIssuer(
    { kid, privateKey, publicJwk: {} },
    { issuer: 'medappt-users', audience: 'medappt', accessTokenSeconds: 900, refreshTokenSeconds: 3600 },
  );
  const tokens = await Promise.all(
    Array.from({ length: 50 }, async () => (await issuer.accessToken({ id: randomUUID(), role: 'PATIENT' }, randomUUID())).token),
  );
  const gatewaySecret = randomBytes(32).toString('base64url');
  const gatewayKey = Buffer.from(gatewaySecret, 'base64url');

  const variants: Variant[] = [];
  for (const root of roots) {
    for (const nodeEnv of nodeEnvs) {
      for (const flags of flagSets) {
        const { child, url } = await startChild(root, nodeEnv, flags, {
          USERS_JWKS_URL: jwksUrl,
          GATEWAY_SECRET: gatewaySecret,
          LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
        });
        const name =
          (root === here ? 'this checkout' : root) +
          (nodeEnvs.length > 1 ? ` NODE_ENV=${nodeEnv ?? '(unset)'}` : '') +
          (flagSets.length > 1 ? ` ${flags.join(' ') || '(no flags)'}` : '');
        variants.push({ label: name, root, nodeEnv, child, url, cpuMsPerRequest: { typename: [], me: [], slots: [] } });
      }
    }
  }
  let sent = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const call = async (variant: Variant, kind: Kind): Promise<boolean> => {
    const { query, variables, token } = REQUESTS[kind];
    const body = JSON.stringify({ query, variables });
    const authorization = token ? `Bearer ${tokens[sent++ % tokens.length]}` : '';
    const requestId = randomUUID();
    const signature = signGatewayRequest(gatewayKey, {
      method: 'POST',
      path: '/graphql',
      requestId,
      clientIp: '127.0.0.1',
      userAgent: 'bench',
      clientRequestId: '',
      authorization,
      body,
    });
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      ...(authorization ? { authorization } : {}),
      [GATEWAY_SIGNATURE_HEADER]: signature,
      [Forwarded.REQUEST_ID]: requestId,
      [Forwarded.CLIENT_IP]: '127.0.0.1',
      [Forwarded.USER_AGENT]: 'bench',
    };
    // node:http rather than fetch: the client shares the box, and undici costs it several times more CPU a request.
    const { status, text } = await new Promise<{ status: number; text: string }>((resolveResponse, reject) => {
      const req = request(variant.url, { method: 'POST', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
    const result = JSON.parse(text) as { data?: unknown; errors?: unknown };
    return status === 200 && !result.errors && result.data !== undefined;
  };
  const measure = async (variant: Variant, kind: Kind, count: number): Promise<LoadResult & { cpuMs: number }> => {
    const pid = variant.child.pid!;
    const before = cpuMsOf(pid);
    const result = await load(count, options.concurrency, () => call(variant, kind));
    return { ...result, cpuMs: (cpuMsOf(pid) - before) / count };
  };

  try {
    console.log(`\n== The fixed cost of a request in a subgraph (tiny schema, platform path), ${variants.length} variant(s), load ${loadAverage()}`);
    for (const variant of variants) {
      for (const kind of Object.keys(REQUESTS) as Kind[]) {
        // Long enough for the JIT to settle.
        const warm = await measure(variant, kind, REQUESTS[kind].count * 20);
        if (warm.errors > 0) throw new Error(`${variant.label}: ${warm.errors} of ${warm.requests} ${kind} requests failed`);
      }
    }
    // Absolute: each child writes its own profile, from its own checkout's folder.
    const profileDir = resolve(process.env['DATA_DIR'] ?? '.data', 'bench');
    if (options.profile) {
      mkdirSync(profileDir, { recursive: true });
      for (const variant of variants) await ask(variant.child, { profile: 'start' }, 'profiling');
    }
    for (let round = 0; round < options.rounds; round += 1) {
      // Each round in another order, so that none always runs first (or right after the heaviest).
      const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
      for (const kind of Object.keys(REQUESTS) as Kind[]) {
        for (const variant of order) {
          const result = await measure(variant, kind, REQUESTS[kind].count);
          if (result.errors > 0) throw new Error(`${variant.label}: ${result.errors} ${kind} requests failed`);
          variant.cpuMsPerRequest[kind].push(result.cpuMs);
        }
      }
      if ((round + 1) % 10 === 0)
        console.log(
          `  round ${round + 1} (load ${loadAverage()}): ` +
            variants
              .map((v) => `${v.label}: ${(Object.keys(REQUESTS) as Kind[]).map((k) => `${k} ${v.cpuMsPerRequest[k].at(-1)!.toFixed(3)}`).join(' ')}`)
              .join(' | '),
        );
    }
    // Each round's figure over the baseline's in the same round (seconds apart, so the load moves both
    // alike), and the least of all rounds: the cost with the least interference from the rest of the box.
    const baseline = variants[0]!;
    console.log(`  CPU ms a request in the child over ${options.rounds} rounds: median, least, and the median of each round's ratio to the first variant:`);
    for (const variant of variants) {
      console.log(
        `    ${variant.label.padEnd(24)} ` +
          (Object.keys(REQUESTS) as Kind[])
            .map((k) => {
              const ms = variant.cpuMsPerRequest[k];
              const ratios = ms.map((m, round) => m / baseline.cpuMsPerRequest[k][round]!);
              return `${k} ${median(ms).toFixed(3)} / ${Math.min(...ms).toFixed(3)} ms ${median(ratios).toFixed(2)}x`;
            })
            .join('  '),
      );
    }
    if (options.profile) {
      for (const [i, variant] of variants.entries()) {
        const file = join(profileDir, `request-cost-${i}.cpuprofile`);
        await ask(variant.child, { profile: 'stop', file }, 'profiled');
        printCpuProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, file, { who: variant.label, categories: REQUEST_CATEGORIES });
      }
    }
  } finally {
    for (const { child } of variants) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ stop: true });
      await exited;
    }
    agent.destroy();
    jwksServer.close();
  }
}
