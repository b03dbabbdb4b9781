// Owns test images on the harness engine: names no other run of the tests uses, and removing what a test
// pulled or built.
import type Dockerode from 'dockerode';

/** A suffix for image and container names, so reruns and parallel files never collide. */
export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Removes images by reference or id, ignoring ones already gone (404: a test may have removed them itself). */
export async function removeImages(docker: Dockerode, references: string[]): Promise<void> {
  for (const reference of references) {
    await docker
      .getImage(reference)
      .remove({ force: true })
      .catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) throw error;
      });
  }
}

/** Whether the engine has an image under this reference. */
export async function hasImage(docker: Dockerode, reference: string): Promise<boolean> {
  try {
    await docker.getImage(reference).inspect();
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}
