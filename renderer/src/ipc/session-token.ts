// Takes the session token of `berth serve` from the address the page was opened with (`?token=…`), keeps
// it in sessionStorage for reloads of this tab, and removes it from the address bar, so it does not linger
// in the visible address, in bookmarks or in what is copied and pasted from there.

/** The parts of `window` used here; tests hand in plain objects. */
export interface TokenPage {
  location: { pathname: string; search: string; hash: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

export const tokenStorageKey = 'berth.serve.token';

/** The token, or null when this tab was never opened with one. */
export function takeSessionToken(page: TokenPage): string | null {
  const params = new URLSearchParams(page.location.search);
  const fromAddress = params.get('token');
  if (!fromAddress) return stored(page);
  try {
    page.sessionStorage.setItem(tokenStorageKey, fromAddress);
  } catch (error) {
    // Storage refused (quota, privacy mode): keep the token in the address, or a reload would lose it.
    console.warn('[bridge] cannot keep the token in sessionStorage; it stays in the address', error);
    return fromAddress;
  }
  params.delete('token');
  const search = params.size > 0 ? `?${params.toString()}` : '';
  page.history.replaceState(page.history.state, '', `${page.location.pathname}${search}${page.location.hash}`);
  return fromAddress;
}

function stored(page: TokenPage): string | null {
  try {
    return page.sessionStorage.getItem(tokenStorageKey) || null;
  } catch (error) {
    console.warn('[bridge] cannot read sessionStorage', error);
    return null;
  }
}
