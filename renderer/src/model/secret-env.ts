// Which environment values the Inspect tab hides until clicked: those whose name looks like a secret
// (DB_PASSWORD, GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY…) and URLs carrying a password (postgres://u:p@db).
// Hiding is against a glance over the shoulder or a screen share, not a security boundary: the user may
// read every value.

/** Parts anywhere in the name. */
const secretParts = ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'CREDENTIAL', 'PRIVATE', 'APIKEY', 'PASSPHRASE'];
/** Whole words of the name (split on _ - .), so KEY masks SSH_KEY but not KEYBOARD_LAYOUT. */
const secretWords = new Set(['KEY', 'PWD', 'PASS', 'AUTH', 'SALT', 'DSN', 'COOKIE', 'SESSION', 'SIGNATURE']);
/** The shell's working directory, not a password. */
const notSecret = new Set(['PWD', 'OLDPWD']);

export const maskedText = '••••••••';

export function looksSecret(key: string, value = ''): boolean {
  const name = key.toUpperCase();
  if (value === '' || notSecret.has(name)) return false;
  if (secretParts.some((part) => name.includes(part))) return true;
  if (name.split(/[_.-]+/).some((word) => secretWords.has(word))) return true;
  // scheme://user:password@host
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/i.test(value);
}

/** The engine's inspect JSON with the secret-looking values of `Config.Env` masked, for display and copy. */
export function maskSecretsInInspect(raw: Record<string, unknown>): Record<string, unknown> {
  const config = raw.Config as { Env?: unknown } | null | undefined;
  if (!config || !Array.isArray(config.Env)) return raw;
  const env = config.Env.map((line: unknown) => {
    if (typeof line !== 'string') return line;
    const at = line.indexOf('=');
    return at > 0 && looksSecret(line.slice(0, at), line.slice(at + 1)) ? `${line.slice(0, at)}=${maskedText}` : line;
  });
  return { ...raw, Config: { ...config, Env: env } };
}
