import { describe, expect, it } from 'vitest';
import {
  applyChromiumSwitches,
  chromiumSwitchArgs,
  disabledChromiumFeatures,
} from '../../../main/electron/chromium-switches';

describe('chromium switches', () => {
  it('turns off the deferral of page tasks after input, which delays a terminal echo by a frame', () => {
    const appended: [string, string | undefined][] = [];
    applyChromiumSwitches({
      commandLine: { appendSwitch: (name: string, value?: string) => appended.push([name, value]) },
    } as never);
    expect(appended).toEqual([['disable-features', 'DeferRendererTasksAfterInput']]);
    expect(disabledChromiumFeatures).toContain('DeferRendererTasksAfterInput');
  });

  it('gives the benchmarks the same switches as arguments', () => {
    expect(chromiumSwitchArgs).toEqual(['--disable-features=DeferRendererTasksAfterInput']);
  });
});
