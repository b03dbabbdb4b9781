// The engine's words (as engine 20.10 writes them) mapped to codes the UI can act on.
import { describe, expect, it } from 'vitest';
import { transferErrorFromMessage, transferErrorFromThrown } from '../../../../main/core/transfers/transfer-errors';
import { parseReference, type ParsedReference } from '../../../../main/shared/image-reference';

const parsed = (text: string): ParsedReference => {
  const result = parseReference(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};
const pull = { kind: 'pull' as const, reference: parsed('127.0.0.1:5000/x:v1') };

describe('transferErrorFromMessage', () => {
  it.each([
    ['Head "http://127.0.0.1:5000/v2/x/manifests/v1": no basic auth credentials', 'AUTH_REQUIRED'],
    ['unauthorized: authentication required', 'AUTH_REQUIRED'],
    [
      "pull access denied for x, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      'NOT_FOUND',
    ],
    ['manifest for 127.0.0.1:5000/x:v1 not found: manifest unknown: manifest unknown', 'NOT_FOUND'],
    ['Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused', 'REGISTRY_UNREACHABLE'],
    ['Get "https://nope.invalid/v2/": dial tcp: lookup nope.invalid: no such host', 'REGISTRY_UNREACHABLE'],
    ['received unexpected HTTP status: 503 Service Unavailable', 'REGISTRY_UNREACHABLE'],
    ['unexpected EOF', 'REGISTRY_UNREACHABLE'],
    ['failed to register layer: something odd', 'ENGINE_ERROR'],
  ])('%s → %s, keeping the engine words', (message, code) => {
    const info = transferErrorFromMessage(pull, message);
    expect(info.code).toBe(code);
    expect(info.message).toContain(message);
  });

  it('says who wants the login', () => {
    expect(transferErrorFromMessage(pull, 'no basic auth credentials').message).toBe(
      '127.0.0.1:5000 needs you to log in to pull 127.0.0.1:5000/x:v1: no basic auth credentials',
    );
  });
});

describe('transferErrorFromThrown', () => {
  it("drops docker-modem's prefix from an HTTP refusal", () => {
    const error = Object.assign(new Error('(HTTP code 404) unexpected - manifest for x not found: manifest unknown'), {
      statusCode: 404,
      json: null,
    });
    expect(transferErrorFromThrown(pull, error)).toEqual({
      code: 'NOT_FOUND',
      message: '127.0.0.1:5000 has no image 127.0.0.1:5000/x:v1: manifest for x not found: manifest unknown',
    });
  });

  it('an engine that is gone is ENGINE_UNREACHABLE', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED /run/docker.sock'), { code: 'ECONNREFUSED' });
    expect(transferErrorFromThrown(pull, error).code).toBe('ENGINE_UNREACHABLE');
  });
});
