// The Electron shell's safeStorage adapter: availability as the core sees it, including Linux's built-in-key
// fallback, which is not offered as encryption.
import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { safeStorageCipher } from '../../../main/electron/safe-storage-cipher';

function fakeSafeStorage(
  available: boolean,
  backend: ReturnType<SafeStorage['getSelectedStorageBackend']>,
): SafeStorage {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) => Buffer.from(`enc:${plain}`),
    decryptString: (data: Buffer) => data.toString().replace(/^enc:/, ''),
  } as unknown as SafeStorage;
}

describe('safeStorageCipher', () => {
  it('is available when safeStorage is, with a real keychain', () => {
    expect(safeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux').isAvailable()).toBe(true);
    expect(safeStorageCipher(fakeSafeStorage(true, 'unknown'), 'darwin').isAvailable()).toBe(true);
    expect(safeStorageCipher(fakeSafeStorage(false, 'kwallet5'), 'linux').isAvailable()).toBe(false);
  });

  it("refuses Linux's basic_text fallback, whose key is built into Electron", () => {
    expect(safeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux').isAvailable()).toBe(false);
  });

  it('passes encryption through to safeStorage', () => {
    const cipher = safeStorageCipher(fakeSafeStorage(true, 'kwallet6'), 'linux');
    expect(cipher.decrypt(cipher.encrypt('secret'))).toBe('secret');
  });
});
