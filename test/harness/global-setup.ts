// Global setup of the vitest project `engine`: one private engine and one private registry for the whole
// run, with the busybox test image built in the engine and pushed to the registry; torn down at the end.
import type { TestProject } from 'vitest/node';
import { buildBusyboxImage, pushImage } from './busybox-image';
import type { HarnessContext } from './context';
import { PrivateEngine } from './private-engine';
import { PrivateRegistry } from './private-registry';

const BUSYBOX_IMAGE = 'berth-test/busybox:latest';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const [engine, registry] = await Promise.allSettled([
    PrivateEngine.start({ name: 'vitest' }),
    PrivateRegistry.start(),
  ]);
  if (engine.status === 'rejected' || registry.status === 'rejected') {
    // Clean up whichever half did start before reporting the failure.
    if (engine.status === 'fulfilled') await engine.value.destroy();
    if (registry.status === 'fulfilled') await registry.value.destroy();
    throw engine.status === 'rejected' ? engine.reason : (registry as PromiseRejectedResult).reason;
  }
  const teardown = async (): Promise<void> => {
    const results = await Promise.allSettled([engine.value.destroy(), registry.value.destroy()]);
    const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failures.length > 0)
      throw new Error(`[harness] teardown failed: ${failures.map((failure) => String(failure.reason)).join('; ')}`);
    console.info('[harness] engine and registry destroyed');
  };
  try {
    const docker = engine.value.docker();
    await buildBusyboxImage(docker, BUSYBOX_IMAGE);
    const registryImage = await pushImage(docker, BUSYBOX_IMAGE, registry.value.address);
    const context: HarnessContext = {
      dockerHost: engine.value.dockerHost,
      socketPath: engine.value.socketPath,
      dataRoot: engine.value.dataRoot,
      registry: registry.value.address,
      busyboxImage: BUSYBOX_IMAGE,
      registryImage,
    };
    project.provide('harness', context);
    console.info(`[harness] ready in ${Date.now() - started} ms: ${JSON.stringify(context)}`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
