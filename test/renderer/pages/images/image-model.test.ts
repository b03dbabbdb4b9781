// The Images page's pure helpers: names, usage, the pull box's and Tag dialog's checks, prune outcome.
import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../../main/shared/image-types';
import {
  checkPullReference,
  imageLabel,
  imageRef,
  pruneOutcome,
  readableStep,
  tagTarget,
  usageText,
} from '../../../../renderer/src/pages/images/image-model';

const id = `sha256:${'ab'.repeat(32)}`;
const image = (repoTags: string[]): ImageSummary => ({ id, repoTags, sizeBytes: 1, created: 1, containers: 0 });

describe('naming images', () => {
  it('uses the first tag, else the short id', () => {
    expect(imageRef(image(['nginx:1.27', 'nginx:latest']))).toBe('nginx:1.27');
    expect(imageRef(image([]))).toBe('abababababab');
    expect(imageLabel(image([]))).toBe('untagged image abababababab');
  });

  it('says how many containers use an image', () => {
    expect(usageText(0)).toBe('Unused');
    expect(usageText(1)).toBe('In use by 1 container');
    expect(usageText(3)).toBe('In use by 3 containers');
    expect(usageText(-1)).toBe('Not counted');
  });
});

describe('checkPullReference', () => {
  it('accepts what docker pull accepts and shows the normalised name', () => {
    expect(checkPullReference('busybox')).toEqual({
      ok: true,
      normalised: 'docker.io/library/busybox:latest',
      empty: false,
    });
    expect(checkPullReference(' 127.0.0.1:5000/team/app:1.0 ')).toMatchObject({
      ok: true,
      normalised: '127.0.0.1:5000/team/app:1.0',
    });
  });

  it('is quiet while empty and explains a malformed reference', () => {
    expect(checkPullReference('  ')).toEqual({ ok: false, message: '', empty: true });
    const bad = checkPullReference('Nginx:latest');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.message).toMatch(/uppercase/);
  });
});

describe('tagTarget', () => {
  it('splits a name into repository and tag, latest by default', () => {
    expect(tagTarget('127.0.0.1:5000/team/app:1.0')).toEqual({
      ok: true,
      repository: '127.0.0.1:5000/team/app',
      tag: '1.0',
      shown: '127.0.0.1:5000/team/app:1.0',
    });
    expect(tagTarget('myapp')).toEqual({ ok: true, repository: 'myapp', tag: 'latest', shown: 'myapp:latest' });
  });

  it('refuses a digest, an empty name and a malformed one', () => {
    expect(tagTarget(`app@sha256:${'a'.repeat(64)}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/digest/),
    });
    expect(tagTarget('')).toMatchObject({ ok: false });
    expect(tagTarget('app:')).toMatchObject({ ok: false, message: expect.stringMatching(/tag cannot be empty/) });
  });
});

describe('pruneOutcome', () => {
  it('says what was deleted and the space reclaimed', () => {
    expect(pruneOutcome({ deleted: ['a', 'b', 'c'], spaceReclaimedBytes: 120 * 1024 ** 2 })).toBe(
      'Deleted 3 images and layers, reclaimed 120 MiB.',
    );
    expect(pruneOutcome({ deleted: [], spaceReclaimedBytes: 0 })).toBe('Nothing to remove: no image matched.');
  });
});

describe('readableStep', () => {
  it('drops the shell wrapper of Dockerfile steps', () => {
    expect(readableStep('/bin/sh -c #(nop)  CMD ["/bin/sh"]')).toBe('CMD ["/bin/sh"]');
    expect(readableStep('/bin/sh -c apk add curl')).toBe('RUN apk add curl');
    expect(readableStep('COPY busybox /bin/busybox # buildkit')).toBe('COPY busybox /bin/busybox # buildkit');
  });
});
