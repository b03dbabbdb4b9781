// A SecretCipher for tests, standing in for Electron safeStorage: AES-256-GCM with a random key per cipher,
// so data from another cipher (another "machine") fails to decrypt, as safeStorage's would.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from '../../../../main/core/registries/secret-cipher';

export interface TestCipher extends SecretCipher {
  available: boolean;
}

export function testCipher(): TestCipher {
  const key = randomBytes(32);
  return {
    available: true,
    isAvailable() {
      return this.available;
    },
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
