import { describe, expect, it } from 'vitest';
import { isAppPath } from '../../../renderer/src/shell/use-shell-navigation';

describe('isAppPath', () => {
  it('accepts the app’s own pages and refuses URLs and protocol-relative paths', () => {
    expect(isAppPath('/containers/abc123')).toBe(true);
    expect(isAppPath('/')).toBe(true);
    expect(isAppPath('/containers/abc?tab=stats')).toBe(true);
    expect(isAppPath('/x?a=<b>')).toBe(false);
    expect(isAppPath('//evil.example/x')).toBe(false);
    expect(isAppPath('https://evil.example/')).toBe(false);
    expect(isAppPath('javascript:alert(1)')).toBe(false);
    expect(isAppPath('/a b')).toBe(false);
    expect(isAppPath(42)).toBe(false);
  });
});
