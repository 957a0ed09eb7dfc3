// The staff identity vault: a person's 身份证号 sealed with AES-256-GCM (node:crypto) under a key derived from the
// configured secret (ANJIAN_PEOPLE_VAULT_KEY, platform/config.ts), stored as base64(iv ‖ tag ‖ ciphertext) with the key's
// id; beside it a keyed hash (HMAC-SHA-256) that finds the same number twice without decrypting anything. Same seal as
// the reporter vault (modules/reports/reports.vault.ts), with its own key derivation label.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

// Derived once per secret: an import seals and hashes 20,000 numbers, two derivations each.
const keys = new Map<string, { key: Buffer; keyId: string }>();
function keyOf(secret: string) {
  let k = keys.get(secret);
  if (!k) {
    const key = createHash('sha256').update(`anjian-people-vault:${secret}`).digest();
    k = { key, keyId: createHash('sha256').update(key).digest('hex').slice(0, 8) };
    keys.set(secret, k);
  }
  return k;
}

// GCM nonces cut from a pooled block of CSPRNG output: one randomBytes call per 341 seals instead of one each, which
// cost ~7 µs a call here (150 ms of a 20,000-row import). A spent block is replaced, never overwritten.
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + 12 > ivPool.length) {
    ivPool = randomBytes(4092);
    ivAt = 0;
  }
  ivAt += 12;
  return ivPool.subarray(ivAt - 12, ivAt);
}

/** Upper-case X, no spaces: the one spelling that is sealed and hashed. */
export function normaliseIdNumber(id: string): string {
  return id.trim().toUpperCase();
}

export function sealIdNumber(secret: string, idNumber: string): { sealed: string; keyId: string } {
  const { key, keyId } = keyOf(secret);
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(normaliseIdNumber(idNumber), 'utf8'), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64'), keyId };
}

export function unsealIdNumber(secret: string, sealed: string): string {
  const { key } = keyOf(secret);
  const buf = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
}

export function hashIdNumber(secret: string, idNumber: string): string {
  return createHmac('sha256', keyOf(secret).key)
    .update(`id:${normaliseIdNumber(idNumber)}`)
    .digest('hex');
}

/** GB 11643-1999: the 18th character is the ISO 7064 MOD 11-2 check of the first 17, and the birth date exists. */
export function isValidIdNumber(id: string): boolean {
  const s = normaliseIdNumber(id);
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...s.slice(0, 17)].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  if ('10X98765432'[sum % 11] !== s[17]) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
