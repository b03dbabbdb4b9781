import { describe, expect, it } from 'vitest';
import { rootRefusal } from '../../../main/electron/root-refusal';

describe('rootRefusal', () => {
  it('lets any other user start, and Windows (no uid)', () => {
    expect(rootRefusal({ uid: 1000, env: {} })).toBeNull();
    expect(rootRefusal({ uid: undefined, env: {} })).toBeNull();
  });

  it('refuses root and says why and how to run Berth instead', () => {
    const message = rootRefusal({ uid: 0, env: {} });
    expect(message).toContain('does not run as root');
    expect(message).toContain('cannot sandbox');
    expect(message).toContain('as your own user');
  });

  it('names the user who ran sudo', () => {
    expect(rootRefusal({ uid: 0, env: { SUDO_USER: 'alice' } })).toContain('Run it as alice, without sudo');
  });

  it('lets root through only when BERTH_ALLOW_ROOT=1 says this is a throwaway root-only container', () => {
    expect(rootRefusal({ uid: 0, env: { BERTH_ALLOW_ROOT: '1' } })).toBeNull();
    expect(rootRefusal({ uid: 0, env: { BERTH_ALLOW_ROOT: 'yes' } })).not.toBeNull();
  });
});
