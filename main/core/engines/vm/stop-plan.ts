// Whether a VM is suspended or shut down when it stops: suspended when its setting says so and nothing in it
// would break. QEMU 7.2 refuses to migrate a VM with a vhost-user-fs (virtiofs) device ("non-migratable
// device"), and a 9p share must be unmounted in the guest before its state can be saved, which a running
// container that binds a shared folder would not survive.
import { guestPathOf, type ShareMechanism } from './shared-folders';

export type StopPlan = { suspend: true } | { suspend: false; why: string | null };

export interface RunningContainer {
  name: string;
  /** The sources of its bind mounts (guest paths). */
  binds: string[];
}

export interface StopPlanInputs {
  suspendOnStop: boolean;
  /** The folders shared with this boot's guest, and how. */
  shares: string[];
  mechanism: ShareMechanism;
  containers: RunningContainer[];
}

function inside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

export function stopPlan({ suspendOnStop, shares, mechanism, containers }: StopPlanInputs): StopPlan {
  if (!suspendOnStop) return { suspend: false, why: null };
  if (shares.length === 0) return { suspend: true };
  if (mechanism === 'virtiofs')
    return {
      suspend: false,
      why: 'its shared folders use virtiofs, whose device QEMU cannot save (vhost-user-fs is not migratable)',
    };
  const folders = shares.map(guestPathOf);
  for (const container of containers) {
    const bound = container.binds.find((source) => folders.some((folder) => inside(source, folder)));
    if (bound)
      return {
        suspend: false,
        why: `container ${container.name} binds ${bound} from a shared folder, which must be unmounted to save the VM`,
      };
  }
  return { suspend: true };
}
