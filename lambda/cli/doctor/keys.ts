import { createHash, createHmac } from 'node:crypto';

/**
 * Inngest key arithmetic, the way the Inngest SDK does it (inngest's
 * helpers/strings.ts and InngestCommHandler): the doctor compares what the
 * endpoint reports with what it computes from the keys in Secrets Manager,
 * and prints only these hashes, never a key.
 */

const PREFIX = /^signkey-(\w+)-/;

/** The environment part of a signing key: `prod` in `signkey-prod-…`. */
export function signingKeyEnv(key: string): string | undefined {
  return PREFIX.exec(key)?.[1];
}

/** Whether the value has the form of an Inngest signing key at all. */
export function isSigningKey(key: string): boolean {
  return /^signkey-\w+-[0-9a-f]+$/i.test(key.trim());
}

/**
 * What the SDK reports as `signing_key_hash`: the first 12 hex digits of
 * the SHA-256 of the key's hex part, read as bytes.
 */
export function signingKeyHash(key: string): string {
  return createHash('sha256')
    .update(key.replace(PREFIX, ''), 'hex')
    .digest('hex')
    .slice(0, 12);
}

/** What the SDK reports as `event_key_hash`: SHA-256 of the key, hex. */
export function eventKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * The `X-Inngest-Signature` of a request with `body` ("" for a GET): an
 * HMAC-SHA256 keyed by the key without its prefix, over the body followed
 * by the Unix time, as Inngest signs its own calls.
 */
export function inngestSignature(key: string, body: string, at: Date): string {
  const time = Math.floor(at.getTime() / 1000).toString();
  const mac = createHmac('sha256', key.replace(PREFIX, ''))
    .update(body + time)
    .digest('hex');
  return `t=${time}&s=${mac}`;
}
