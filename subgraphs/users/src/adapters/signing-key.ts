import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { ACCESS_TOKEN_ALG } from '@medappt/platform';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

const FILE = 'users-signing-key.jwk.json';

/**
 * The key pair that signs access tokens. Generated on first start into `dir` (git-ignored,
 * mode 0600), so no key is ever committed; other subgraphs only see the public half via JWKS.
 */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  const path = join(dir, FILE);
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { privateKey } = await generateKeyPair(ACCESS_TOKEN_ALG, { extractable: true });
    jwk = await exportJWK(privateKey);
    jwk.kid = await calculateJwkThumbprint(jwk);
    // Only the key folder is private: a recursive 0700 would also lock others (the postgres user) out of its parents.
    mkdirSync(dirname(dir), { recursive: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(path, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      // Another instance created it first: use theirs so both sign with the same key.
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
      jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
    }
  }
  const { d: _private, ...publicJwk } = jwk;
  const privateKey = (await importJWK(jwk, ACCESS_TOKEN_ALG)) as CryptoKey;
  return { kid: jwk.kid ?? '', privateKey, publicJwk: { ...publicJwk, alg: ACCESS_TOKEN_ALG, use: 'sig' } };
}
