import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname } from 'node:path';

/**
 * Router → subgraph credential. The router signs every subgraph request with a key shared by
 * the services (HMAC-SHA256 over the time, method, path, the forwarded facts and the body), so
 * the client address, user agent and request id a subgraph logs, throttles on and audits, and the
 * `_entities` it answers, come from the router and from nobody else (docs/adr/010).
 */
export const GATEWAY_SIGNATURE_HEADER = 'x-gateway-signature';
/** What the router forwards about the client; trusted by a subgraph only in a signed request. */
export const Forwarded = {
  REQUEST_ID: 'x-request-id',
  CLIENT_IP: 'x-forwarded-for',
  USER_AGENT: 'x-forwarded-user-agent',
  /** The x-request-id the client sent, if any: passed on for audits, never used as the request id. */
  CLIENT_REQUEST_ID: 'x-client-request-id',
} as const;

/** A signature older or newer than this is refused (clock skew between hosts plus queueing). */
export const SIGNATURE_MAX_AGE_MS = 60_000;
const VERSION = 'v1';

export interface SignedFacts {
  readonly method: string;
  /** Path and query string, e.g. `/graphql?x=1`. */
  readonly path: string;
  readonly requestId: string;
  readonly clientIp: string;
  readonly userAgent: string;
  readonly clientRequestId: string;
  /** The Authorization header as sent (hashed into the signature: a captured request cannot carry another token). */
  readonly authorization: string;
  readonly body: string;
}

function signatureOf(key: Buffer, at: number, facts: SignedFacts): string {
  const hash = (text: string): string => createHash('sha256').update(text).digest('base64url');
  const base = [
    VERSION,
    String(at),
    facts.method.toUpperCase(),
    facts.path,
    facts.requestId,
    facts.clientIp,
    facts.userAgent,
    facts.clientRequestId,
    hash(facts.authorization),
    hash(facts.body),
  ].join('\n');
  return createHmac('sha256', key).update(base).digest('base64url');
}

/** The header value: `v1;t=<ms>;sig=<base64url>`. */
export function signGatewayRequest(key: Buffer, facts: SignedFacts, now = Date.now()): string {
  return `${VERSION};t=${now};sig=${signatureOf(key, now, facts)}`;
}

export function verifyGatewaySignature(key: Buffer, header: string | undefined, facts: SignedFacts, now = Date.now()): boolean {
  const match = header ? /^v1;t=(\d{1,15});sig=([A-Za-z0-9_-]{43})$/.exec(header) : null;
  if (!match) return false;
  const at = Number(match[1]);
  if (Math.abs(now - at) > SIGNATURE_MAX_AGE_MS) return false;
  const expected = Buffer.from(signatureOf(key, at, facts));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** What a subgraph learns from a request the router signed, or null when it is not signed by the router. */
export function admitGatewayRequest(
  key: Buffer,
  req: IncomingMessage,
  body: string,
): { requestId: string; clientIp: string; userAgent: string; clientRequestId: string } | null {
  const facts = {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    requestId: header(req, Forwarded.REQUEST_ID),
    clientIp: header(req, Forwarded.CLIENT_IP),
    userAgent: header(req, Forwarded.USER_AGENT),
    clientRequestId: header(req, Forwarded.CLIENT_REQUEST_ID),
    authorization: header(req, 'authorization'),
    body,
  };
  if (!verifyGatewaySignature(key, header(req, GATEWAY_SIGNATURE_HEADER), facts)) return null;
  return { requestId: facts.requestId, clientIp: facts.clientIp, userAgent: facts.userAgent, clientRequestId: facts.clientRequestId };
}

const MIN_KEY_BYTES = 32;

/**
 * The shared key: `GATEWAY_SECRET` (base64url) when given, else the file, generated on first
 * start. Several services may start at once: the key is written to a temporary file and linked
 * into place, so exactly one key wins and nobody reads a half-written file.
 */
export function loadGatewayKey(options: { secret?: string | undefined; file: string }): Buffer {
  if (options.secret) return decodeKey(options.secret, 'GATEWAY_SECRET');
  if (!existsSync(options.file)) {
    mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
    const temp = `${options.file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, `${randomBytes(MIN_KEY_BYTES).toString('base64url')}\n`, { mode: 0o600 });
    try {
      linkSync(temp, options.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temp);
    }
  }
  return decodeKey(readFileSync(options.file, 'utf8').trim(), options.file);
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text, 'base64url');
  if (key.length < MIN_KEY_BYTES) throw new Error(`${source}: the gateway key must be at least ${MIN_KEY_BYTES} random bytes, base64url-encoded`);
  return key;
}

/** Where the key lives when GATEWAY_SECRET is not set: beside the other generated dev keys. */
export const gatewayKeyFile = (dataDir: string): string => `${dataDir}/keys/gateway.key`;
