import { describe, expect, it } from 'vitest';
import { BuildProgress, failureMessage } from '../../../../main/core/build/build-progress';
import { builtImageLine, parseBuiltImage } from '../../../../main/shared/build-types';

function record() {
  const written: Array<[string, string]> = [];
  return { written, progress: new BuildProgress((fd, text) => written.push([fd, text])) };
}

describe('BuildProgress', () => {
  it('streams text, remembers the step running and names it in a failure', () => {
    const { written, progress } = record();
    progress.frame({ stream: 'Step 1/2 : FROM busybox\n ---> 1234\n' });
    progress.frame({ stream: 'Step 2/2 : RUN false\n' });
    progress.frame({ stream: ' ---> Running in abc\n' });
    progress.frame({
      errorDetail: { code: 1, message: "The command '/bin/sh -c false' returned a non-zero code: 1" },
      error: "The command '/bin/sh -c false' returned a non-zero code: 1",
    });
    expect(progress.failure).toEqual({
      step: 'Step 2/2 : RUN false',
      message: "The command '/bin/sh -c false' returned a non-zero code: 1",
      exitCode: 1,
    });
    expect(failureMessage(progress.failure!)).toBe(
      "The build failed at Step 2/2 : RUN false: The command '/bin/sh -c false' returned a non-zero code: 1",
    );
    expect(written.at(-1)).toEqual(['stderr', "The command '/bin/sh -c false' returned a non-zero code: 1\n"]);
  });

  it('takes the image id from aux, else from "Successfully built", and shows pull status lines', () => {
    const { written, progress } = record();
    progress.frame({ status: 'Downloading', id: 'abc', progress: '[==>   ] 1MB/3MB' });
    progress.frame({ stream: 'Successfully built 0123456789ab\n' });
    expect(progress.builtId).toBe('0123456789ab');
    progress.frame({ aux: { ID: 'sha256:feed' } });
    expect(progress.builtId).toBe('sha256:feed');
    expect(written[0]).toEqual(['stdout', 'abc Downloading [==>   ] 1MB/3MB\n']);
    progress.frame(null);
    progress.frame('text');
    expect(progress.failure).toBeNull();
  });

  it('a failure before any step has no step', () => {
    const { progress } = record();
    progress.frame({ error: 'dockerfile parse error line 1: unknown instruction: FORM' });
    expect(failureMessage(progress.failure!)).toBe(
      'The build failed: dockerfile parse error line 1: unknown instruction: FORM',
    );
  });
});

describe('built image line', () => {
  it('round-trips with and without a tag', () => {
    const tagged = { id: 'sha256:abc', tag: 'app:1' };
    expect(parseBuiltImage(`Sending…\n${builtImageLine(tagged)}`)).toEqual(tagged);
    expect(parseBuiltImage(builtImageLine({ id: 'sha256:abc', tag: null }))).toEqual({ id: 'sha256:abc', tag: null });
    expect(parseBuiltImage('Built image\n')).toBeNull();
  });
});
