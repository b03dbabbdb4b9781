import { describe, expect, it } from 'vitest';
import { redact } from '../../../../main/core/engines/redact';

describe('redact', () => {
  it('removes docker config credentials but keeps which registries have them', () => {
    const config = JSON.stringify({ auths: { 'ghcr.io': { auth: 'bWU6c2VjcmV0', identitytoken: 'tok-123' } } }, null, 2);
    const out = redact(config);
    expect(out).toContain('ghcr.io');
    expect(out).not.toContain('bWU6c2VjcmV0');
    expect(out).not.toContain('tok-123');
  });

  it('removes credential helper secrets, bearer and basic headers, and X-Registry-Auth', () => {
    const out = redact(['{"ServerURL":"ghcr.io","Username":"me","Secret":"hunter2"}', 'Authorization: Bearer abc.def.ghi', 'authorization: Basic bWU6cHc=', 'X-Registry-Auth: eyJwYXNzd29yZCI6InB3In0='].join('\n'));
    for (const secret of ['hunter2', 'abc.def.ghi', 'bWU6cHc=', 'eyJwYXNzd29yZCI6InB3In0=']) expect(out).not.toContain(secret);
    expect(out).toContain('"Username":"me"');
  });

  it("removes Berth's serve token, secret-named variables and passwords in URLs", () => {
    const out = redact('http://127.0.0.1:4000/?token=s3cr3t-token\nGITHUB_TOKEN=ghp_x DB_PASSWORD=pw1 DOCKER_HOST=unix:///run/docker.sock\nhttps://me:pa55@registry.example/v2/');
    for (const secret of ['s3cr3t-token', 'ghp_x', 'pw1', 'pa55']) expect(out).not.toContain(secret);
    expect(out).toContain('DOCKER_HOST=unix:///run/docker.sock');
    expect(out).toContain('https://me:[redacted]@registry.example/v2/');
  });

  it('removes private keys whole', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    expect(redact(`key:\n${key}\nafter`)).toBe('key:\n-----BEGIN PRIVATE KEY----- [redacted] -----END PRIVATE KEY-----\nafter');
  });
});
