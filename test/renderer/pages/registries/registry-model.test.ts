// The Registries page's words: credential sources, where a login saved, and the registry field's check.
import { describe, expect, it } from 'vitest';
import {
  credentialsText,
  registryProblem,
  savedToText,
} from '../../../../renderer/src/pages/registries/registry-model';

describe('registry words', () => {
  it('names where credentials live', () => {
    expect(credentialsText({ source: 'config', helper: null })).toBe('Docker config file');
    expect(credentialsText({ source: 'credHelper', helper: 'pass' })).toBe('Credential helper pass');
    expect(credentialsText({ source: 'encrypted', helper: null })).toBe('Encrypted by Berth');
    expect(credentialsText({ source: 'none', helper: null })).toBe('No credentials');
  });

  it('says where a login saved the credentials, with the exact location the core gave', () => {
    expect(savedToText({ savedTo: 'config', location: '/tmp/dc/config.json' })).toBe(
      'Saved in the docker config file /tmp/dc/config.json, base64-encoded, not encrypted.',
    );
    expect(savedToText({ savedTo: 'credsStore', location: 'docker-credential-secretservice' })).toMatch(
      /credential store docker-credential-secretservice/,
    );
    expect(savedToText({ savedTo: 'credHelper', location: 'docker-credential-pass' })).toMatch(
      /helper docker-credential-pass/,
    );
    expect(savedToText({ savedTo: 'encrypted', location: '/home/u/.config/berth/credentials.json' })).toMatch(
      /encrypted .* \/home\/u\/\.config\/berth\/credentials\.json; the docker config was not changed/,
    );
  });

  it('accepts a host with a port and explains a URL or a path', () => {
    expect(registryProblem('127.0.0.1:5000')).toBeNull();
    expect(registryProblem('https://ghcr.io')).toMatch(/without http/);
    expect(registryProblem('ghcr.io/org')).toMatch(/without a path/);
    expect(registryProblem(' ')).toMatch(/Type the registry host/);
  });
});
