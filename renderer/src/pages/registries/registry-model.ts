// Pure words for the Registries page: where credentials live and where a login saved them.
import type { CredentialSource, KnownRegistry, LoginResult } from '../../../../main/shared/registry-types';

export function credentialsText(registry: Pick<KnownRegistry, 'source' | 'helper'>): string {
  const sources: Record<CredentialSource, string> = {
    config: 'Docker config file',
    credHelper: `Credential helper ${registry.helper ?? ''}`.trim(),
    credsStore: `Credential store ${registry.helper ?? ''}`.trim(),
    none: 'No credentials',
  };
  return sources[registry.source];
}

/** Where a successful login put the credentials, said so the user can find them again. */
export function savedToText(result: LoginResult, helper: string | null): string {
  switch (result.savedTo) {
    case 'config':
      return 'Saved in the docker config file (~/.docker/config.json), base64-encoded, not encrypted.';
    case 'credHelper':
      return `Saved by the credential helper docker-credential-${helper ?? '…'} configured for this registry.`;
    case 'credsStore':
      return `Saved in the credential store docker-credential-${helper ?? '…'} (credsStore in ~/.docker/config.json).`;
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
