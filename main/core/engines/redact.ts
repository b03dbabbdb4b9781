// Takes secrets out of text meant for a bug report: registry credentials (`auth`, `identitytoken`, passwords,
// bearer tokens), Berth's serve token, private keys, and values of environment variables whose names say
// secret. Errs towards removing: a report with a hole is fine, a leaked token is not.
const REDACTED = '[redacted]';

const rules: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, `-----BEGIN PRIVATE KEY----- ${REDACTED} -----END PRIVATE KEY-----`],
  // JSON fields of docker configs, auth configs and credential helpers.
  [/("(?:auth|identitytoken|registrytoken|password|secret|token|Secret|Password)"\s*:\s*)"[^"]*"/gi, `$1"${REDACTED}"`],
  [/\b(authorization:\s*(?:bearer|basic)\s+)\S+/gi, `$1${REDACTED}`],
  [/\b(x-registry-auth:\s*)\S+/gi, `$1${REDACTED}`],
  // query strings and key=value pairs: ?token=…, password=…
  [/([?&](?:token|access_token|password|secret)=)[^&\s"]+/gi, `$1${REDACTED}`],
  [/\b([A-Z0-9_]*(?:TOKEN|PASSWORD|SECRET|PASSPHRASE|PRIVATE_KEY|API_KEY)[A-Z0-9_]*=)\S+/g, `$1${REDACTED}`],
  // URLs with user:password@host.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi, `$1${REDACTED}@`],
];

export function redact(text: string): string {
  return rules.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
