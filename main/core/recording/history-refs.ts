// Resolves the containers a history request names (full or short ids, names) to the full ids the store keys
// history by: through the engine for containers that exist, and directly for full ids of removed containers
// (or any container of an engine not connected now) that the store still has history of.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import type { EngineLink } from '../connection/engine-link';
import { toErrorInfo } from '../connection/engine-errors';

export interface HistoryRef {
  id: string;
  /** Null for a container the engine does not know (removed, or of another engine). */
  name: string | null;
  /** Its compose project, for an export's file name. */
  project: string | null;
}

const fullId = /^[0-9a-f]{64}$/;
const projectLabel = 'com.docker.compose.project';

async function inspectRef(docker: () => Dockerode, ref: string): Promise<HistoryRef | 'missing'> {
  try {
    const info = await docker().getContainer(ref).inspect();
    return { id: info.Id, name: info.Name.replace(/^\//, ''), project: info.Config?.Labels?.[projectLabel] ?? null };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'NOT_FOUND') return 'missing';
    throw new BerthError(info.code, info.message);
  }
}

/** The refs found, each once, in the order asked; unknown ones are left out. */
export async function resolveHistoryRefs(
  connection: Pick<EngineLink, 'client'>,
  known: (id: string) => boolean,
  refs: readonly string[],
): Promise<HistoryRef[]> {
  const found = await Promise.all(
    [...new Set(refs)].map(async (ref): Promise<HistoryRef | null> => {
      const stored = fullId.test(ref) && known(ref);
      try {
        const inspected = await inspectRef(() => connection.client(), ref);
        if (inspected !== 'missing') return inspected;
      } catch (error) {
        // The engine is away: recorded history of a full id is still there to read.
        if (!stored) throw error;
      }
      return stored ? { id: ref, name: null, project: null } : null;
    }),
  );
  const seen = new Set<string>();
  return found.filter((ref): ref is HistoryRef => ref !== null && !seen.has(ref.id) && Boolean(seen.add(ref.id)));
}

/** `berth-stats-<name or project>-<from>-<to>.<format>`, times in UTC to the minute. */
export function exportFilename(refs: readonly HistoryRef[], from: number, to: number, format: string): string {
  const projects = new Set(refs.map((ref) => ref.project));
  const [first] = refs;
  const project = projects.size === 1 ? first?.project : null;
  const label =
    refs.length === 1 && first ? (first.name ?? first.id.slice(0, 12)) : (project ?? `${refs.length}-containers`);
  const time = (t: number) => new Date(t).toISOString().slice(0, 16).replace(/[-:]/g, '');
  const safe = label.replace(/[^A-Za-z0-9_.-]+/g, '_');
  return `berth-stats-${safe}-${time(from)}-${time(to)}.${format}`;
}
