import { describe, expect, it } from 'vitest';
import { isSecretName, redact } from '../../../../main/core/engines/redact';

describe('redact', () => {
  it('removes docker config credentials but keeps which registries have them', () => {
    const config = JSON.stringify(
      { auths: { 'ghcr.io': { auth: 'bWU6c2VjcmV0', identitytoken: 'tok-123' } } },
      null,
      2,
    );
    const out = redact(config);
    expect(out).toContain('ghcr.io');
    expect(out).not.toContain('bWU6c2VjcmV0');
    expect(out).not.toContain('tok-123');
  });

  it('removes credential helper secrets, bearer and basic headers, and X-Registry-Auth', () => {
    const out = redact(
      [
        '{"ServerURL":"ghcr.io","Username":"me","Secret":"hunter2"}',
        'Authorization: Bearer abc.def.ghi',
        'authorization: Basic bWU6cHc=',
        'X-Registry-Auth: eyJwYXNzd29yZCI6InB3In0=',
      ].join('\n'),
    );
    for (const secret of ['hunter2', 'abc.def.ghi', 'bWU6cHc=', 'eyJwYXNzd29yZCI6InB3In0='])
      expect(out).not.toContain(secret);
    expect(out).toContain('"Username":"me"');
  });

  it("removes Berth's serve token, secret-named variables and passwords in URLs", () => {
    const out = redact(
      'http://127.0.0.1:4000/?token=s3cr3t-token\nGITHUB_TOKEN=ghp_x DB_PASSWORD=pw1 DOCKER_HOST=unix:///run/docker.sock\nhttps://me:pa55@registry.example/v2/',
    );
    for (const secret of ['s3cr3t-token', 'ghp_x', 'pw1', 'pa55']) expect(out).not.toContain(secret);
    expect(out).toContain('DOCKER_HOST=unix:///run/docker.sock');
    expect(out).toContain('https://me:[redacted]@registry.example/v2/');
  });

  it('removes private keys whole', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    expect(redact(`key:\n${key}\nafter`)).toBe(
      'key:\n-----BEGIN PRIVATE KEY----- [redacted] -----END PRIVATE KEY-----\nafter',
    );
  });

  it.each([
    ['Docker Hub', 'dckr_pat_2b3e36beeb386dfdaacb9b46004ccb7c'],
    ['GitHub classic', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['GitHub OAuth', 'gho_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['GitHub app', 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['GitHub fine-grained', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'],
    ['GitLab', 'glpat-xxxxxxxxxxxxxxxxxxxx'],
    ['Slack bot', 'xoxb-123456789012-abcdefghijkl'],
    ['Slack user', 'xoxp-123456789012-abcdefghijkl'],
    ['AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['OpenAI-style', 'sk-proj-abcdefghijklmnop1234'],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ])('removes a %s token by its prefix, wherever it stands', (_kind, token) => {
    const out = redact(`pulling with ${token} now\nnote=${token}`);
    expect(out).not.toContain(token);
    expect(out).toContain('pulling with [redacted] now');
  });

  it.each([
    ['GITHUB_PAT=abc123def'],
    ['MY_PASS=abc123def'],
    ['PGPASSWORD=abc123def'],
    ['API_KEY=abc123def'],
    ['AWS_SECRET_ACCESS_KEY=abc123def'],
    ['DOCKER_CREDS=abc123def'],
    ['REGISTRY_AUTH=abc123def'],
    ['NPM_TOKEN=abc123def'],
    ['CLIENT_SECRET=abc123def'],
    ['DB_PWD=abc123def'],
    ['postgres://db/app?sslmode=off password=abc123def'],
    ['Server=db;passwd=abc123def;'],
    ['host=db pwd=abc123def'],
    ['--password=abc123def'],
    ['"password": "abc123def"'],
    ['{"apiKey":"abc123def","user":"me"}'],
    ['{"auth": 12345678}'],
    ["{'token': 'abc123def'}"],
    ['  password: abc123def'],
    ['- secret: abc123def'],
    ['githubPat: abc123def'],
    ['X-Registry-Auth: abc123def'],
    ['Authorization: token abc123def'],
  ])('removes the value of %s', (text) => {
    const out = redact(text);
    expect(out).not.toContain('abc123def');
    expect(out).not.toContain('12345678');
    expect(out).toContain('[redacted]');
  });

  it('keeps ordinary text: PATH, patch, keyboard, author, and messages that only mention auth', () => {
    const text = [
      'PATH=/usr/local/bin:/usr/bin',
      'applied patch 3 to the keyboard driver',
      'PATCH_LEVEL=3 KEYBOARD=us AUTHOR=me PWD=/root',
      '{"author": "me", "monkeyBusiness": false, "keyboardLayout": "us"}',
      'unauthorized: authentication required',
      'disk-usage of task-12345678901234567890',
      'credsStore: pass',
      '"registryCredentials": "docker-config"',
      'SSH_AUTH_SOCK=/run/user/0/ssh-agent.sock',
      'image sha256:4c3fd0a8b1e2d3c4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8',
    ].join('\n');
    expect(redact(text)).toBe(text);
  });

  it('says which names are secret names', () => {
    for (const name of [
      'GITHUB_PAT',
      'githubPat',
      'apiKey',
      'SSH_KEY',
      'oauthToken',
      'DOCKER_AUTH_CONFIG',
      'passphrase',
      'credentials',
      'db-pwd',
      'pwd',
    ])
      expect(isSecretName(name), name).toBe(true);
    for (const name of ['PATH', 'PATCH', 'KEYBOARD', 'AUTHOR', 'PWD', 'DOCKER_HOST', 'HOME', 'credsStore'])
      expect(isSecretName(name), name).toBe(false);
  });
});
