// The reporter vault's seal: AES-256-GCM (node:crypto) with a key derived from the configured secret
// (ANJIAN_REPORT_VAULT_KEY, SHA-256 of it). Stored as base64(iv ‖ tag ‖ ciphertext) with the key's id (the first
// bytes of the key's own hash), so a rotated key can tell its rows apart.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface ReporterIdentity {
  name: string;
  phone: string;
  idNumber: string | null;
}

function keyOf(secret: string) {
  const key = createHash('sha256').update(`anjian-report-vault:${secret}`).digest();
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return { key, keyId };
}

export function seal(secret: string, identity: ReporterIdentity): { sealed: string; keyId: string } {
  const { key, keyId } = keyOf(secret);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64'), keyId };
}

export function unseal(secret: string, sealed: string): ReporterIdentity {
  const { key } = keyOf(secret);
  const buf = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as ReporterIdentity;
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random tracking code of `length` characters from a 32-letter alphabet without look-alikes (0/O, 1/I). */
export function trackingCode(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += BASE32[b & 31];
  return out;
}
