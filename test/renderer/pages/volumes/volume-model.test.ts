// The Volumes page's pure parts: the create form's checks and request, what prune removes per engine version,
// the prune result in words, and how anonymous volumes are named on screen.
import { describe, expect, it } from 'vitest';
import type { EngineInfo, EngineStatus } from '../../../../main/shared/engine-types';
import {
  emptyVolumeForm,
  volumeCreateRequest,
  volumeFormProblems,
} from '../../../../renderer/src/pages/volumes/volume-form';
import { isAnonymousVolume, volumeLabel } from '../../../../renderer/src/pages/volumes/volume-label';
import { pruneExplanation, pruneResultText, pruneScope } from '../../../../renderer/src/pages/volumes/volume-prune';

const anonymous = 'bafe6ba14e80c9e3f1b6d2a4c8e0f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6';

function connected(info: Partial<EngineInfo>): EngineStatus {
  return {
    state: 'connected',
    endpoint: { host: 'unix:///var/run/docker.sock', source: 'default-socket' },
    info: { product: 'docker', apiVersion: '1.41', ...info } as EngineInfo,
    since: 0,
  };
}

describe('volume create form', () => {
  it('accepts no name (an anonymous volume) and sends no name then', () => {
    expect(volumeFormProblems(emptyVolumeForm)).toEqual({});
    expect(volumeCreateRequest(emptyVolumeForm)).toEqual({ driver: 'local' });
  });

  it('refuses a name the engine would refuse, and an empty driver, at their fields', () => {
    expect(volumeFormProblems({ ...emptyVolumeForm, name: '-data' }).name).toMatch(/starting with a letter or digit/);
    expect(volumeFormProblems({ ...emptyVolumeForm, name: 'a/b' }).name).toBeDefined();
    expect(volumeFormProblems({ ...emptyVolumeForm, driver: ' ' }).driver).toMatch(/A driver is needed/);
    expect(volumeFormProblems({ ...emptyVolumeForm, driver: 'vieux/sshfs:latest' }).driver).toBeUndefined();
  });

  it('checks label rows: a value needs a name, a name only once; blank rows are ignored', () => {
    const form = {
      ...emptyVolumeForm,
      labels: [
        { id: 1, key: 'team', value: 'web' },
        { id: 2, key: '', value: 'orphan' },
        { id: 3, key: 'team', value: 'db' },
        { id: 4, key: '', value: '' },
      ],
    };
    expect(volumeFormProblems(form)).toEqual({
      'labels:2:key': "Enter the label's name.",
      'labels:3:key': 'The label team is given twice.',
    });
  });

  it('sends the trimmed name, the driver and the labels typed', () => {
    const form = { name: ' app-data ', driver: 'local', labels: [{ id: 1, key: ' team ', value: 'web' }] };
    expect(volumeCreateRequest(form)).toEqual({
      name: 'app-data',
      driver: 'local',
      labels: [{ key: 'team', value: 'web' }],
    });
  });
});

describe('prune', () => {
  it('knows Docker before API 1.42 prunes named volumes too, and later ones only anonymous ones', () => {
    expect(pruneScope(connected({ apiVersion: '1.41' }))).toBe('all-unused');
    expect(pruneScope(connected({ apiVersion: '1.42' }))).toBe('anonymous');
    expect(pruneScope(connected({ apiVersion: '1.47' }))).toBe('anonymous');
    expect(pruneScope(connected({ product: 'podman', apiVersion: '1.41' }))).toBe('unknown');
    expect(pruneScope(undefined)).toBe('unknown');
    expect(pruneExplanation('all-unused')).toContain('named volumes too');
    expect(pruneExplanation('anonymous')).toContain('named volumes stay');
  });

  it('says how many went, the space reclaimed and which, anonymous ones by their short name', () => {
    expect(pruneResultText({ deleted: [], spaceReclaimedBytes: 0 })).toBe('No volume was unused: nothing was removed.');
    expect(pruneResultText({ deleted: [anonymous, 'cache'], spaceReclaimedBytes: 1536 })).toBe(
      'Removed 2 volumes, reclaiming 1.5 KiB: bafe6ba14e80…, cache.',
    );
    expect(pruneResultText({ deleted: ['cache'], spaceReclaimedBytes: 0 })).toBe(
      'Removed 1 volume, reclaiming 0 B: cache.',
    );
  });
});

describe('volume names on screen', () => {
  it('shortens an anonymous volume (64 hex digits) and keeps a given name whole', () => {
    expect(isAnonymousVolume(anonymous)).toBe(true);
    expect(volumeLabel(anonymous)).toBe('bafe6ba14e80…');
    expect(isAnonymousVolume('app-data')).toBe(false);
    expect(volumeLabel('app-data')).toBe('app-data');
  });
});
