import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, verifyPassword } from './passwords';

describe('password policy', () => {
  it('needs 8 characters and 3 of 4 classes', () => {
    expect(checkPassword('Ab1!', 'zhang')).toBe('password.policy');
    expect(checkPassword('abcdefgh1', 'zhang')).toBe('password.policy');
    expect(checkPassword('Qm7vxr2kt', 'zhang')).toBeNull();
    expect(checkPassword('qm7#vxr2kt', 'zhang')).toBeNull();
  });
  it('rejects common passwords, also decorated ones, and ones containing the username', () => {
    expect(checkPassword('Password1!', 'zhang')).toBe('password.common');
    expect(checkPassword('Qwerty123', 'zhang')).toBe('password.common');
    expect(checkPassword('Zhang#2026x', 'zhang')).toBe('password.containsUsername');
  });
});

describe('argon2id', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('Qm7vxr2kt', { memoryKiB: 64, iterations: 1, parallelism: 1 });
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword('Qm7vxr2kt', h)).toBe(true);
    expect(await verifyPassword('Qm7vxr2kT', h)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});
