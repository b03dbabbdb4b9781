// Pure words for Settings → "Registry credentials": the two places a login can be saved, and why the
// encrypted one cannot be chosen where the core has no keychain to encrypt with (serve mode).
import type { RegistryCredentialStorage } from '@shared/registry-types';
import type { SettingsView } from '@shared/settings-types';

export interface CredentialStorageOption {
  value: RegistryCredentialStorage;
  label: string;
  description: string;
  /** Why it cannot be chosen here; null when it can. */
  disabledReason: string | null;
}

export function credentialStorageOptions(
  view: Pick<SettingsView, 'encryptionAvailable' | 'encryptionProblem'>,
): CredentialStorageOption[] {
  return [
    {
      value: 'docker-config',
      label: 'Docker config file',
      description:
        'Saved the way docker login does: in the credential helper the docker config names, else base64-encoded (not encrypted) in config.json. The docker CLI sees these logins too.',
      disabledReason: null,
    },
    {
      value: 'encrypted',
      label: 'Encrypted by Berth',
      description:
        "Encrypted with this computer's keychain in Berth's own credentials.json; the docker config is left alone, so the docker CLI does not see these logins.",
      disabledReason: view.encryptionAvailable ? null : (view.encryptionProblem ?? 'Encryption is not available here.'),
    },
  ];
}

/** What the settings page says once a choice is saved, for the status line. */
export function savedStorageText(storage: RegistryCredentialStorage): string {
  return storage === 'encrypted'
    ? 'Saved. New logins are encrypted by Berth.'
    : 'Saved. New logins go to the docker config.';
}
