// Pure words for the Registries page: where credentials live and where a login saved them.
import type { CredentialSource, KnownRegistry, LoginResult } from '@shared/registry-types';

export function credentialsText(registry: Pick<KnownRegistry, 'source' | 'helper'>): string {
  const sources: Record<CredentialSource, string> = {
    config: 'Docker config file',
    credHelper: `Credential helper ${registry.helper ?? ''}`.trim(),
    credsStore: `Credential store ${registry.helper ?? ''}`.trim(),
    encrypted: 'Encrypted by Berth',
    none: 'No credentials',
  };
  return sources[registry.source];
}

/** Where a successful login put the credentials, said with the core's exact location so the user can find them. */
export function savedToText(result: Pick<LoginResult, 'savedTo' | 'location'>): string {
  switch (result.savedTo) {
    case 'config':
      return `Saved in the docker config file ${result.location}, base64-encoded, not encrypted.`;
    case 'credHelper':
      return `Saved by the credential helper ${result.location} configured for this registry.`;
    case 'credsStore':
      return `Saved in the credential store ${result.location} (credsStore in the docker config).`;
    case 'encrypted':
      return `Saved encrypted with this computer's keychain in ${result.location}; the docker config was not changed.`;
  }
}

const registryPattern = /^[a-zA-Z0-9.:[\]-]+$/;

/** The core's own rule for a registry name, with the reason in words; null when fine. */
export function registryProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Type the registry host, e.g. ghcr.io or 127.0.0.1:5000';
  if (/^https?:\/\//.test(value)) return 'Type only the host (and port), without http:// or https://';
  if (value.includes('/')) return 'Type only the host (and port), without a path';
  if (!registryPattern.test(value)) return 'A registry host has only letters, digits, dots, dashes and a :port';
  return null;
}
