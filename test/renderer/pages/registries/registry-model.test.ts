// The Registries page's words: credential sources, where a login saved, and the registry field's check.
import { describe, expect, it } from 'vitest';
import { credentialsText, registryProblem, savedToText } from '../../../../renderer/src/pages/registries/registry-model';

describe('registry words', () => {
  it('names where credentials live', () => {
    expect(credentialsText({ source: 'config', helper: null })).toBe('Docker config file');
    expect(credentialsText({ source: 'credHelper', helper: 'pass' })).toBe('Credential helper pass');
    expect(credentialsText({ source: 'none', helper: null })).toBe('No credentials');
  });

  it('says where a login saved the credentials', () => {
    const result = { registry: 'ghcr.io', username: 'me', status: 'Login Succeeded' };
    expect(savedToText({ ...result, savedTo: 'config' }, null)).toMatch(/config\.json/);
    expect(savedToText({ ...result, savedTo: 'credsStore' }, 'secretservice')).toMatch(/docker-credential-secretservice/);
  });

  it('accepts a host with a port and explains a URL or a path', () => {
    expect(registryProblem('127.0.0.1:5000')).toBeNull();
    expect(registryProblem('https://ghcr.io')).toMatch(/without http/);
    expect(registryProblem('ghcr.io/org')).toMatch(/without a path/);
    expect(registryProblem(' ')).toMatch(/Type the registry host/);
  });
});
