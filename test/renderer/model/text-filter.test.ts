import { describe, expect, it } from 'vitest';
import { matchesWords, shortId } from '../../../renderer/src/model/text-filter';

describe('matchesWords', () => {
  it('needs each word in some field, ignoring case and missing fields', () => {
    expect(matchesWords(['bridge', 'Local', null], 'LOCAL')).toBe(true);
    expect(matchesWords(['bridge', 'local'], 'bri loc')).toBe(true);
    expect(matchesWords(['bridge', 'local'], 'bri host')).toBe(false);
    expect(matchesWords([undefined], '')).toBe(true);
  });
});

describe('shortId', () => {
  it('drops the digest algorithm and keeps twelve characters', () => {
    expect(shortId('sha256:0123456789abcdef0123')).toBe('0123456789ab');
    expect(shortId('abcdef')).toBe('abcdef');
  });
});
