// The partner feed's signature: HMAC-SHA256 (node:crypto) over the canonical JSON of the payload — object keys
// sorted, no whitespace — so a partner verifies it from the parsed body whatever order its JSON library keeps.
// A shared secret suits a handful of named agencies that already exchange keys with the bureau; rotating it is a
// configuration change (ANJIAN_PARTNER_FEED_KEY, ANJIAN_PARTNER_FEED_KEY_ID).
import { createHmac, timingSafeEqual } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function signPayload(payload: unknown, key: string, keyId: string) {
  const value = createHmac('sha256', key).update(canonicalJson(payload), 'utf8').digest('base64');
  return { algorithm: 'HMAC-SHA256' as const, keyId, value };
}

export function verifyPayload(payload: unknown, signature: { algorithm: string; value: string }, key: string): boolean {
  if (signature.algorithm !== 'HMAC-SHA256') return false;
  const expected = Buffer.from(signPayload(payload, key, '').value, 'base64');
  const given = Buffer.from(signature.value, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
