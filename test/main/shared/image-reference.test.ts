// parseReference against docker's own normalisation (cases from distribution/reference's normalize_test.go and
// reference_test.go, with what `docker pull` shows), and its plain-words refusals.
import { describe, expect, it } from 'vitest';
import { parseReference, registryHost } from '../../../main/shared/image-reference';

const hex = 'a'.repeat(64);

describe('parseReference accepts what docker accepts, normalised the same way', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', 'latest', null, 'docker.io/library/nginx:latest', 'nginx:latest'],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', null, 'docker.io/library/nginx:1.27', 'nginx:1.27'],
    ['library/nginx', 'docker.io', 'library/nginx', 'latest', null, 'docker.io/library/nginx:latest', 'nginx:latest'],
    ['docker.io/nginx', 'docker.io', 'library/nginx', 'latest', null, 'docker.io/library/nginx:latest', 'nginx:latest'],
    [
      'index.docker.io/nginx',
      'docker.io',
      'library/nginx',
      'latest',
      null,
      'docker.io/library/nginx:latest',
      'nginx:latest',
    ],
    [
      'docker.io/library/nginx',
      'docker.io',
      'library/nginx',
      'latest',
      null,
      'docker.io/library/nginx:latest',
      'nginx:latest',
    ],
    ['bitnami/redis:7', 'docker.io', 'bitnami/redis', '7', null, 'docker.io/bitnami/redis:7', 'bitnami/redis:7'],
    ['library/a/b', 'docker.io', 'library/a/b', 'latest', null, 'docker.io/library/a/b:latest', 'library/a/b:latest'],
    [
      `ghcr.io/o/r@sha256:${hex}`,
      'ghcr.io',
      'o/r',
      null,
      `sha256:${hex}`,
      `ghcr.io/o/r@sha256:${hex}`,
      `ghcr.io/o/r@sha256:${hex}`,
    ],
    ['127.0.0.1:5000/x/y:t', '127.0.0.1:5000', 'x/y', 't', null, '127.0.0.1:5000/x/y:t', '127.0.0.1:5000/x/y:t'],
    ['localhost:5000/a', 'localhost:5000', 'a', 'latest', null, 'localhost:5000/a:latest', 'localhost:5000/a:latest'],
    ['localhost/a', 'localhost', 'a', 'latest', null, 'localhost/a:latest', 'localhost/a:latest'],
    // Without a slash, `localhost:5000` is the image `localhost` with tag 5000, as docker reads it.
    [
      'localhost:5000',
      'docker.io',
      'library/localhost',
      '5000',
      null,
      'docker.io/library/localhost:5000',
      'localhost:5000',
    ],
    [
      `nginx:1.27@sha256:${hex}`,
      'docker.io',
      'library/nginx',
      '1.27',
      `sha256:${hex}`,
      `docker.io/library/nginx:1.27@sha256:${hex}`,
      `nginx:1.27@sha256:${hex}`,
    ],
    [
      `nginx@sha256:${hex}`,
      'docker.io',
      'library/nginx',
      null,
      `sha256:${hex}`,
      `docker.io/library/nginx@sha256:${hex}`,
      `nginx@sha256:${hex}`,
    ],
    [
      'Foo.Example.com:8080/a_b/c__d/e-f---g.h:V1_x.y-z',
      'Foo.Example.com:8080',
      'a_b/c__d/e-f---g.h',
      'V1_x.y-z',
      null,
      'Foo.Example.com:8080/a_b/c__d/e-f---g.h:V1_x.y-z',
      'Foo.Example.com:8080/a_b/c__d/e-f---g.h:V1_x.y-z',
    ],
    ['[::1]:5000/a', '[::1]:5000', 'a', 'latest', null, '[::1]:5000/a:latest', '[::1]:5000/a:latest'],
    ['  nginx\n', 'docker.io', 'library/nginx', 'latest', null, 'docker.io/library/nginx:latest', 'nginx:latest'],
    [
      `a:${'t'.repeat(128)}`,
      'docker.io',
      'library/a',
      't'.repeat(128),
      null,
      `docker.io/library/a:${'t'.repeat(128)}`,
      `a:${'t'.repeat(128)}`,
    ],
  ])('%s', (input, registry, repository, tag, digest, normalised, familiar) => {
    expect(parseReference(input)).toEqual({
      ok: true,
      value: { registry, repository, tag, digest, normalised, familiar },
    });
  });
});

describe('parseReference refuses what docker refuses, saying why', () => {
  it.each([
    ['', /^empty reference/],
    ['   ', /^empty reference/],
    ['Nginx', /^uppercase letters are not allowed in a repository name: "Nginx"/],
    ['docker.io/Library/nginx', /uppercase letters are not allowed/],
    ['a:b:c', /more than one ":"/],
    ['foo@sha256:123', /^a digest must be sha256: followed by 64 hex digits/],
    [`foo@sha256:${'A'.repeat(64)}`, /a digest must be sha256/],
    [`foo@md5:${hex}`, /a digest must be sha256/],
    [`foo@sha256:${hex}@sha256:${hex}`, /only one "@digest"/],
    [`nginx:${'t'.repeat(129)}`, /^a tag can have at most 128 characters/],
    ['nginx:', /a tag cannot be empty/],
    ['nginx:-x', /a tag may contain only/],
    ['nginx:a$b', /a tag may contain only/],
    [':tag', /needs a name/],
    [`@sha256:${hex}`, /needs a name before the digest/],
    [hex, /image id, not a name/],
    ['a//b', /empty part/],
    ['a/', /empty part/],
    ['/a', /empty part/],
    ['-a', /"-a" is not a valid part/],
    ['a..b', /"a..b" is not a valid part/],
    ['a___b', /is not a valid part/],
    ['ex ample', /cannot contain spaces/],
    ['registry.example.com:port/a', /port must be a number/],
    ['-bad.example.com/a', /not a valid registry host/],
    [`example.com/${'a'.repeat(250)}`, /at most 255 characters/],
  ])('%j', (input, message) => {
    const result = parseReference(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('registryHost', () => {
  it('gives the docker config key: the legacy Hub URL for Docker Hub, the host otherwise', () => {
    const value = (text: string) => {
      const parsed = parseReference(text);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value;
    };
    expect(registryHost(value('nginx'))).toBe('https://index.docker.io/v1/');
    expect(registryHost(value('ghcr.io/o/r'))).toBe('ghcr.io');
    expect(registryHost(value('127.0.0.1:5000/x'))).toBe('127.0.0.1:5000');
    expect(registryHost('index.docker.io')).toBe('https://index.docker.io/v1/');
  });
});
