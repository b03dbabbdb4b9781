// What the core needs to encrypt registry credentials with the OS keychain: the shape of Electron's
// safeStorage, given by the Electron shell (main/electron/safe-storage-cipher.ts). The core never imports
// electron, so `serve` mode runs without one and says why encryption is unavailable.

export interface SecretCipher {
  /** Whether encryption works now (the keychain may be locked or missing, e.g. Linux without a secret service). */
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  /** Throws when the data was encrypted by another user or machine, or is damaged. */
  decrypt(data: Buffer): string;
}

export const noCipherProblem =
  'Encrypted credential storage needs the Berth desktop app (Electron safeStorage); serve mode has no OS keychain to encrypt with.';

export const cipherUnavailableProblem =
  'Encrypted credential storage is unavailable: Electron safeStorage has no OS keychain to use here (on Linux it needs a secret service such as GNOME Keyring or KWallet, unlocked).';

/** Why this cipher cannot encrypt now, in words for the user; null when it can. */
export function encryptionProblem(cipher: SecretCipher | null | undefined): string | null {
  if (!cipher) return noCipherProblem;
  return cipher.isAvailable() ? null : cipherUnavailableProblem;
}
