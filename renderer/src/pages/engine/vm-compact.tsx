// The VM panel's Compact action: trims the VM's data disk now (`engines:vm-compact`) and says how much its file on
// the host shrank, then refreshes the usage above so the new size shows at once.
import { Button } from 'react-aria-components';
import { ErrorAlert } from '../../components/error-alert';
import { channelKey, useChannelMutation } from '../../data/channel-query';
import { compactSummary } from './vm-usage-model';

export function VmCompact({ id }: { id: string }) {
  const compact = useChannelMutation(
    'engines:vm-compact',
    (_result, queries) => void queries.invalidateQueries({ queryKey: channelKey('engines:vm-usage', { id }) }),
  );
  const run = () => compact.mutate({ id });
  return (
    <div className="vm-compact">
      <Button className="button button-secondary" isDisabled={compact.isPending} onPress={run}>
        {compact.isPending ? 'Compacting…' : 'Compact'}
      </Button>
      <span role="status" className="muted">
        {compact.data
          ? compactSummary(compact.data)
          : 'Gives the disk space the VM freed back to this computer (also done after removals and hourly).'}
      </span>
      {compact.error && (
        <ErrorAlert
          title="Could not compact the VM's disk"
          message={compact.error.message}
          onDismiss={() => compact.reset()}
        />
      )}
    </div>
  );
}
