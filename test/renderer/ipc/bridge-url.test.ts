import { describe, expect, it } from 'vitest';
import { bridgeUrl } from '../../../renderer/src/ipc/bridge-url';

describe('bridgeUrl', () => {
  it('points at /bridge on the page host with the token', () => {
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:4567' }, 'abc123')).toBe(
      'ws://127.0.0.1:4567/bridge?token=abc123',
    );
    expect(bridgeUrl({ protocol: 'http:', host: '[::1]:80' }, 'a b/')).toBe('ws://[::1]:80/bridge?token=a%20b%2F');
    expect(bridgeUrl({ protocol: 'https:', host: 'localhost:1' }, 't')).toBe('wss://localhost:1/bridge?token=t');
  });

  it('is null without a token', () => {
    expect(bridgeUrl({ protocol: 'http:', host: 'localhost:1' }, null)).toBeNull();
    expect(bridgeUrl({ protocol: 'http:', host: 'localhost:1' }, '')).toBeNull();
  });
});
