// Prune volumes: says what prune removes on the engine in use (it changed with Docker 23), then how many went
// and the space reclaimed.
import { PruneDialog } from '../../components/prune-dialog';
import { useChannelMutation, useChannelQuery } from '../../data/channel-query';
import { refreshVolumes } from './use-volume-removal';
import { pruneExplanation, pruneResultText, pruneScope } from './volume-prune';

export function PruneVolumesDialog({ onClose }: { onClose: () => void }) {
  const status = useChannelQuery('engine:status', {}).data;
  const mutation = useChannelMutation('volumes:prune', (_, queries) => refreshVolumes(queries));
  return (
    <PruneDialog
      title="Prune volumes"
      explanation={pruneExplanation(pruneScope(status))}
      result={mutation.data ? pruneResultText(mutation.data) : null}
      pending={mutation.isPending}
      error={mutation.error}
      onPrune={() => mutation.mutate({})}
      onClose={onClose}
    />
  );
}
