// Generated container names: `<image-basename>-<4 hex>`, free of every name already taken.
import { describe, expect, it } from 'vitest';
import { generateName, imageBaseName, randomHex4, takenNames } from '../../../../main/core/run/container-name';

describe('container names', () => {
  it.each([
    ['nginx', 'nginx'],
    ['nginx:1.27', 'nginx'],
    ['127.0.0.1:5000/team/web-app:1.2', 'web-app'],
    ['localhost:5000/app', 'app'],
    ['ghcr.io/o/r@sha256:' + 'a'.repeat(64), 'r'],
    ['sha256:' + 'b'.repeat(64), 'image'],
    ['__weird', 'weird'],
    ['', 'container'],
  ])('the base of %s is %s', (image, base) => {
    expect(imageBaseName(image)).toBe(base);
  });

  it('appends 4 hex digits and skips names already taken', () => {
    expect(randomHex4()).toMatch(/^[0-9a-f]{4}$/);
    const suffixes = ['aaaa', 'bbbb', 'cccc'];
    const taken = new Set(['nginx-aaaa', 'nginx-bbbb']);
    expect(
      generateName(
        'nginx:latest',
        (name) => taken.has(name),
        () => suffixes.shift()!,
      ),
    ).toBe('nginx-cccc');
  });

  it('still ends when every short name is taken', () => {
    const name = generateName(
      'nginx',
      (candidate) => candidate.length <= 'nginx-0000'.length,
      () => 'abcd',
    );
    expect(name.startsWith('nginx-abcdabcd')).toBe(true);
  });

  it('reads taken names without their slash', () => {
    expect([...takenNames([{ Names: ['/a', '/b/alias'] }, {}])]).toEqual(['a', 'b/alias']);
  });
});
