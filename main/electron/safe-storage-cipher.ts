// Electron's safeStorage as the core's SecretCipher (main/core/registries/secret-cipher.ts): the OS keychain
// (macOS Keychain, Windows DPAPI, Linux libsecret/KWallet) encrypts Berth's saved registry logins.
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/registries/secret-cipher';

export function safeStorageCipher(
  safeStorage: SafeStorage,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  return {
    // On Linux without a secret service Chromium falls back to 'basic_text', a key built into every copy of
    // Electron: that is obfuscation, not encryption, so Berth offers no "encrypted" storage on top of it.
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    // The synchronous calls keep the core's interface simple; the async ones of newer Electrons add nothing
    // for a few hundred bytes encrypted on a login.
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
