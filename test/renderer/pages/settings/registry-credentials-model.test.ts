// Settings → Registry credentials: both choices with their words, the encrypted one disabled with the core's reason.
import { describe, expect, it } from 'vitest';
import {
  credentialStorageOptions,
  savedStorageText,
} from '../../../../renderer/src/pages/settings/registry-credentials-model';

describe('credentialStorageOptions', () => {
  it('offers both where encryption is available', () => {
    const options = credentialStorageOptions({ encryptionAvailable: true, encryptionProblem: null });
    expect(options.map((option) => [option.value, option.label, option.disabledReason])).toEqual([
      ['docker-config', 'Docker config file', null],
      ['encrypted', 'Encrypted by Berth', null],
    ]);
  });

  it("disables the encrypted choice with the core's reason where it is unavailable", () => {
    const reason =
      'Encrypted credential storage needs the Berth desktop app (Electron safeStorage); serve mode has no OS keychain to encrypt with.';
    const [config, encrypted] = credentialStorageOptions({ encryptionAvailable: false, encryptionProblem: reason });
    expect(config.disabledReason).toBeNull();
    expect(encrypted.disabledReason).toBe(reason);
  });

  it('says where new logins go once saved', () => {
    expect(savedStorageText('encrypted')).toMatch(/encrypted by Berth/);
    expect(savedStorageText('docker-config')).toMatch(/docker config/);
  });
});
