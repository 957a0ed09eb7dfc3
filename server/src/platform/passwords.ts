// Password hashing (argon2id, WASM so it runs on every CPU the buyers use) and the password policy.
import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';
import commonPasswords from 'fxa-common-password-list';
import type { ValidationMessageKey } from '@anjian/contracts';

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export async function hashPassword(password: string, p: Argon2Params): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    parallelism: p.parallelism,
    iterations: p.iterations,
    memorySize: p.memoryKiB,
    hashLength: 32,
    outputType: 'encoded',
  });
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: encoded });
  } catch {
    return false;
  }
}

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (upper, lower, digit, symbol) a password needs. */
  minClasses: number;
  rejectCommon: boolean;
}

export const defaultPasswordPolicy: PasswordPolicy = { minLength: 8, minClasses: 3, rejectCommon: true };

/** Returns the broken rule's message key, or null when the password is acceptable. */
export function checkPassword(
  password: string,
  username: string,
  policy: PasswordPolicy = defaultPasswordPolicy,
): ValidationMessageKey | null {
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < policy.minLength || classes < policy.minClasses) return 'password.policy';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'password.containsUsername';
  if (policy.rejectCommon && isCommon(password)) return 'password.common';
  return null;
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  // Also catch "Password1!"-style decorations of a listed word.
  const stripped = lower.replace(/[\d\W_]+$/, '');
  return commonPasswords.test(password) || commonPasswords.test(lower) || (stripped.length >= 4 && commonPasswords.test(stripped));
}
