// Loads a lazily loaded part of the renderer, trying again when the fetch fails. Chromium aborts requests in
// flight whenever the host's network interfaces change (net::ERR_NETWORK_CHANGED), and a container engine
// adds and removes interfaces each time a container starts or stops: a page opened at that moment would
// otherwise fail to load for good.

const retryDelaysMs = [200, 600, 1500];

export async function importWithRetry<T>(
  load: () => Promise<T>,
  delaysMs: readonly number[] = retryDelaysMs,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await load();
    } catch (error) {
      const delay = delaysMs[attempt];
      if (delay === undefined) throw error;
      console.warn(`[renderer] loading part of the page failed, trying again in ${delay} ms`, error);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
