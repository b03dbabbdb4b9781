import { describe, expect, it } from 'vitest';
import { takeSessionToken, tokenStorageKey, type TokenPage } from '../../../renderer/src/ipc/session-token';

function page(
  address: string,
  storage = new Map<string, string>(),
): TokenPage & { address(): string; storage: Map<string, string> } {
  let url = new URL(address);
  return {
    storage,
    address: () => url.href,
    get location() {
      return { pathname: url.pathname, search: url.search, hash: url.hash };
    },
    history: {
      state: { idx: 3 },
      replaceState: (_data, _unused, next) => {
        url = new URL(next ?? url.href, url);
      },
    },
    sessionStorage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
  };
}

describe('takeSessionToken', () => {
  it('takes the token from the address, keeps it in sessionStorage and removes it from the address bar', () => {
    const opened = page('http://127.0.0.1:4000/s/abc/?token=T0k-en&x=1#/containers/c1');
    expect(takeSessionToken(opened)).toBe('T0k-en');
    expect(opened.storage.get(tokenStorageKey)).toBe('T0k-en');
    expect(opened.address()).toBe('http://127.0.0.1:4000/s/abc/?x=1#/containers/c1');
  });

  it('finds the token again after a reload of the stripped address', () => {
    const storage = new Map<string, string>();
    takeSessionToken(page('http://127.0.0.1:4000/s/abc/?token=T', storage));
    const reloaded = page('http://127.0.0.1:4000/s/abc/#/images', storage);
    expect(takeSessionToken(reloaded)).toBe('T');
    expect(reloaded.address()).toBe('http://127.0.0.1:4000/s/abc/#/images');
  });

  it('is null in a tab never opened with a token', () => {
    expect(takeSessionToken(page('http://127.0.0.1:4000/s/abc/'))).toBeNull();
  });

  it('leaves the token in the address when sessionStorage refuses it, so a reload still works', () => {
    const opened = page('http://127.0.0.1:4000/s/abc/?token=T');
    opened.sessionStorage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(takeSessionToken(opened)).toBe('T');
    expect(opened.address()).toBe('http://127.0.0.1:4000/s/abc/?token=T');
  });
});
