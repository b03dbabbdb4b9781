// Takes secrets out of text meant for a bug report: private keys, tokens recognised by their prefix (Docker
// Hub, GitHub, GitLab, Slack, AWS, OpenAI-style keys, JWTs and base64 JSON such as X-Registry-Auth), bearer
// and basic credentials, passwords in URLs, and the value of anything whose name says secret (`NAME=value`,
// `name: value` at the start of a line, `"name": value` in JSON), Berth's serve token included. Errs towards
// removing: a report with a hole is fine, a leaked token is not.
const REDACTED = '[redacted]';

/**
 * Tokens whose shape alone gives them away, wherever they appear. `sk-` needs a long tail and a word start so
 * that "disk-usage" or "task-1" stay; `eyJ` is `{"` in base64, the start of every JWT and of X-Registry-Auth.
 */
const tokenPattern = new RegExp(
  [
    String.raw`\bdckr_pat_[A-Za-z0-9_-]+`,
    String.raw`\bgh[pousr]_[A-Za-z0-9]{16,}`,
    String.raw`\bgithub_pat_[A-Za-z0-9_]{16,}`,
    String.raw`\bglpat-[A-Za-z0-9_-]{16,}`,
    String.raw`\bxox[abposr]-[A-Za-z0-9-]{10,}`,
    String.raw`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`,
    String.raw`\bsk-[A-Za-z0-9_-]{16,}`,
    String.raw`\beyJ[A-Za-z0-9_+/=-]{8,}(?:\.[A-Za-z0-9_+/=-]+){0,2}`,
  ].join('|'),
  'g',
);

/** Names whose values are known not to be secrets although a word in them looks like one. */
const knownHarmless = new Set(['credsstore', 'credhelpers', 'registrycredentials', 'ssh_auth_sock']);

/** `GITHUB_PAT` → github, pat; `apiKey` → api, key; `x-registry-auth` → x, registry, auth. */
function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.toLowerCase());
}

/**
 * Whether a variable, field or parameter of this name holds a secret: a part containing PASS, CRED, SECRET or
 * TOKEN, a part that is PAT (not PATH or PATCH), a part ending in KEY (not KEYBOARD), a part starting with
 * AUTH or OAUTH (not AUTHOR), or PWD beside other parts (`DB_PWD`; a lone `PWD` is the shell's folder, except
 * written in lower case, as `pwd=` in a connection string).
 */
export function isSecretName(name: string): boolean {
  if (knownHarmless.has(name.toLowerCase())) return false;
  const parts = nameParts(name);
  if (name === 'pwd') return true;
  return parts.some(
    (part) =>
      /pass|cred|secret|token/.test(part) ||
      part === 'pat' ||
      part === 'pats' ||
      /keys?$/.test(part) ||
      /^o?auth(?!or)/.test(part) ||
      (part === 'pwd' && parts.length > 1),
  );
}

const rules: Array<[RegExp, (whole: string, ...groups: string[]) => string]> = [
  [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
    () => `-----BEGIN PRIVATE KEY----- ${REDACTED} -----END PRIVATE KEY-----`,
  ],
  [tokenPattern, () => REDACTED],
  [/\b(authorization:\s*(?:bearer|basic|token)\s+)\S+/gi, (_whole, head) => `${head}${REDACTED}`],
  // URLs with user:password@host.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi, (_whole, head) => `${head}${REDACTED}@`],
  // JSON (and JSON-like YAML) fields: "password": "…", "auth": 123, 'token': '…'. true, false and null say
  // nothing secret; objects are not removed whole: their own fields are checked one by one.
  [
    /(["'])([^"'\s]{1,100})\1(\s*:\s*)("(?:[^"\\]|\\.)*"|'[^']*'|-?\d[\d.eE+-]*)/g,
    (whole, quote, name, colon, value) =>
      isSecretName(name!) ? `${quote}${name}${quote}${colon}${redactedLike(value!)}` : whole,
  ],
  // NAME=value and name=value: environment lines, query strings, flags, connection strings.
  [
    /(^|[^A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.-]{0,100})=("[^"]*"|'[^']*'|[^\s&"',;]+)/gm,
    (whole, before, name) => (isSecretName(name!) ? `${before}${name}=${REDACTED}` : whole),
  ],
  // YAML and header lines: `  password: hunter2`, `X-Registry-Auth: …`, `- token: …`. Only at a line's start,
  // so that a message such as "unauthorized: authentication required" in the middle of a line stays readable.
  [
    /^([ \t]*(?:- )?)([A-Za-z_][A-Za-z0-9_.-]{0,100})([ \t]*:[ \t]+)(?!\[redacted\])(\S.*)$/gm,
    (whole, indent, name, colon) => (isSecretName(name!) ? `${indent}${name}${colon}${REDACTED}` : whole),
  ],
];

/** The value as a string in the same quotes, so the report still parses where it was JSON. */
function redactedLike(value: string): string {
  return value.startsWith("'") ? `'${REDACTED}'` : `"${REDACTED}"`;
}

export function redact(text: string): string {
  return rules.reduce(
    (result, [pattern, replace]) =>
      result.replace(pattern, replace as (substring: string, ...args: unknown[]) => string),
    text,
  );
}
