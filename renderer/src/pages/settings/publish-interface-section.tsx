// Settings → "Published ports": where one-click Run publishes a new container's ports and what the run dialog
// starts from (settings:update publishInterface); this computer only unless the user chooses all interfaces.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { defaultPublishInterface, type PublishInterface } from '@shared/settings-types';
import { ErrorAlert } from '../../components/error-alert';
import { QueryError } from '../../components/query-error';
import { channelKey, useChannelQuery } from '../../data/channel-query';
import { useBerthClient } from '../../data/client-context';
import { PublishInterfaceChoice } from '../../run/publish-interface-choice';

export function PublishInterfaceSection() {
  const titleId = useId();
  const settings = useChannelQuery('settings:get', {});
  const client = useBerthClient();
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: (publishInterface: PublishInterface) => client.invoke('settings:update', { publishInterface }),
    onSuccess: (saved) => queries.setQueryData(channelKey('settings:get', {}), saved),
  });
  // The choice shows at once, in the same render as the click: the mutation's pending state arrives a moment
  // later, and a controlled radio group re-rendered with the old value in between would flick back.
  const [choosing, setChoosing] = useState<PublishInterface | null>(null);
  const saved = settings.data?.settings.publishInterface ?? defaultPublishInterface;
  const selected = choosing ?? saved;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Published ports for new containers</h2>
      {settings.error && (
        <QueryError what="the settings" error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.isPending && <p className="muted">Loading…</p>}
      {settings.data && (
        <PublishInterfaceChoice
          value={selected}
          onChange={(next) => {
            setChoosing(next);
            save.mutate(next, { onSettled: () => setChoosing(null) });
          }}
          isDisabled={save.isPending}
          label="Publish ports on"
          description="One-click Run publishes every port the image exposes here, and the run dialog starts from this choice. Ports you give an address keep it."
        />
      )}
      {save.error && (
        <ErrorAlert
          title="Where ports are published was not changed"
          message={save.error.message}
          onDismiss={() => save.reset()}
        />
      )}
      <span role="status" className="run-hint">
        {save.isSuccess ? 'Saved. New containers publish their ports there.' : ''}
      </span>
    </section>
  );
}
