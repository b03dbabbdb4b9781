import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../main/electron/external-url';

describe('isSafeExternalUrl', () => {
  it('opens only http(s) URLs externally', () => {
    expect(isSafeExternalUrl('http://localhost:8080/')).toBe(true);
    expect(isSafeExternalUrl('https://docs.docker.com/')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-settings:',
      'not a url',
      '',
      'http://',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
