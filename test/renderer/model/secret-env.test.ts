// Which env values the Inspect tab masks until clicked, and the inspect JSON with them masked.
import { describe, expect, it } from 'vitest';
import { looksSecret, maskedText, maskSecretsInInspect } from '../../../renderer/src/model/secret-env';

describe('looksSecret', () => {
  it.each([
    ['DB_PASSWORD', 'hunter2'],
    ['MYSQL_ROOT_PASSWORD', 'x'],
    ['GITHUB_TOKEN', 'ghp_x'],
    ['AWS_SECRET_ACCESS_KEY', 'x'],
    ['SSH_KEY', '-----BEGIN'],
    ['api-key', 'x'],
    ['APIKEY', 'x'],
    ['SENTRY_DSN', 'https://x@sentry.io/1'],
    ['Client_Secret', 'x'],
  ])('masks %s', (key, value) => {
    expect(looksSecret(key, value)).toBe(true);
  });

  it.each([
    ['PATH', '/usr/bin'],
    ['PWD', '/app'],
    ['KEYBOARD_LAYOUT', 'us'],
    ['MONKEY', 'banana'],
    ['HOSTNAME', 'web'],
    ['DATABASE_URL', 'postgres://db:5432/app'],
  ])('shows %s', (key, value) => {
    expect(looksSecret(key, value)).toBe(false);
  });

  it('masks a URL that carries a password whatever its name', () => {
    expect(looksSecret('DATABASE_URL', 'postgres://app:s3cret@db:5432/app')).toBe(true);
  });

  it('has nothing to hide in an empty value', () => {
    expect(looksSecret('DB_PASSWORD', '')).toBe(false);
  });
});

describe('maskSecretsInInspect', () => {
  it('masks Config.Env secrets and leaves everything else as the engine sent it', () => {
    const raw = { Id: 'abc', Config: { Env: ['DB_PASSWORD=hunter2', 'PLAIN=1', 'BARE'], Cmd: ['sh'] } };
    const masked = maskSecretsInInspect(raw);
    expect(masked).toEqual({
      Id: 'abc',
      Config: { Env: [`DB_PASSWORD=${maskedText}`, 'PLAIN=1', 'BARE'], Cmd: ['sh'] },
    });
    expect(raw.Config.Env[0]).toBe('DB_PASSWORD=hunter2');
  });

  it('passes an inspect without env through', () => {
    const raw = { Id: 'abc', Config: { Env: null } };
    expect(maskSecretsInInspect(raw)).toBe(raw);
  });
});
