// The identity vault: every seal opens to the number sealed, under its key's id, and no two seals share a GCM nonce
// (nonces are cut from pooled random blocks: the pool's refill must never hand out a nonce twice).
import { describe, expect, it } from 'vitest';
import { hashIdNumber, sealIdNumber, unsealIdNumber } from './people.vault';

describe('people vault', () => {
  it('opens every seal to its number, with a fresh nonce each time across several pool refills', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = `11010119900101${String(i).padStart(4, '0')}`;
      const { sealed, keyId } = sealIdNumber('secret-a', id);
      expect(unsealIdNumber('secret-a', sealed)).toBe(id);
      expect(keyId).toBe(sealIdNumber('secret-a', '1').keyId);
      nonces.add(Buffer.from(sealed, 'base64').subarray(0, 12).toString('hex'));
    }
    expect(nonces.size).toBe(2000);
  });

  it('keys seals and hashes by the secret', () => {
    expect(sealIdNumber('secret-a', 'x').keyId).not.toBe(sealIdNumber('secret-b', 'x').keyId);
    expect(() => unsealIdNumber('secret-b', sealIdNumber('secret-a', '110101199001010000').sealed)).toThrow();
    expect(hashIdNumber('secret-a', '11010119900101000x')).toBe(hashIdNumber('secret-a', ' 11010119900101000X'));
    expect(hashIdNumber('secret-a', '110101199001010000')).not.toBe(hashIdNumber('secret-b', '110101199001010000'));
  });
});
