// First-run channels: installing the distribution's engine through Berth's engine installer (issue 17), its
// output streamed (see stream-types.ts). The installer takes nothing from the request but the stream's id: the
// core decides the command from /etc/os-release.
import { z } from 'zod';
import type { InstallCancelResult } from '../setup-types';
import type { StreamOpened } from '../stream-types';
import { channel, none, streamId } from './channel-kit';

const installEngineRequest = z.object({ streamId }).strict();

export const setupChannels = {
  /** Runs the distribution's install command as root (pkexec, sudo -n, or directly as root); refused when this
   * system has none, when no privilege path exists, or when an install runs. The output arrives on the stream,
   * which ends with the installer's words on failure; after a success Berth looks for the engine again. */
  'setup:install-engine': channel<typeof installEngineRequest, StreamOpened>(installEngineRequest),
  /** Asks the running install to stop as Ctrl-C would; its stream ends when the installer does. */
  'setup:cancel-install': channel<typeof none, InstallCancelResult>(none),
} as const;
