// One replica group on the Replicas page: its name and image, how many replicas run, each replica with its
// state and port links, scaling (a stepper and Apply: replicas:scale) and removing the whole group (scale to
// 0, after a confirmation).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import type { ContainerState } from '@shared/container-types';
import type { ReplicaGroup } from '@shared/run-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CountField } from '../../components/count-field';
import { ErrorAlert } from '../../components/error-alert';
import { PortList } from '../../components/port-list';
import { StateBadge } from '../../components/state-badge';
import { useBerthClient } from '../../data/client-context';
import { MAX_REPLICAS } from '../../run/run-form';

export function ReplicaGroupCard({ group }: { group: ReplicaGroup }) {
  const client = useBerthClient();
  const queries = useQueryClient();
  const titleId = useId();
  const total = group.replicas.length;
  const running = group.replicas.filter((r) => r.state === 'running').length;
  const [target, setTarget] = useState(total);
  // The stepper follows the group while the user has not changed it (scaled elsewhere, replicas removed).
  const [shownTotal, setShownTotal] = useState(total);
  if (shownTotal !== total) {
    setShownTotal(total);
    setTarget(total);
  }
  const [confirming, setConfirming] = useState(false);
  const scale = useMutation({
    mutationFn: (replicas: number) => client.invoke('replicas:scale', { name: group.name, replicas }),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['replicas:list'] });
      void queries.invalidateQueries({ queryKey: ['containers:list'] });
    },
  });
  const sorted = [...group.replicas].sort((a, b) => a.index - b.index);
  const validTarget = Number.isInteger(target) && target >= 0 && target <= MAX_REPLICAS;

  return (
    <section className="panel replica-group" aria-labelledby={titleId}>
      <header className="replica-group-head">
        <div>
          <h2 id={titleId} className="mono">
            {group.name}
          </h2>
          <p className="muted replica-group-image">{group.image}</p>
        </div>
        <span className={running === total ? 'badge badge-running' : 'badge'}>
          {running} running / {total} total
        </span>
      </header>
      {total > 0 && (
        <table className="plain-table replica-table">
          <thead>
            <tr>
              <th scope="col">Replica</th>
              <th scope="col">State</th>
              <th scope="col">Ports</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((replica) => (
              <tr key={replica.id}>
                <th scope="row">
                  <Link to={`/containers/${replica.id}`} className="row-link mono">
                    {replica.name}
                  </Link>
                </th>
                <td>
                  <StateBadge state={replica.state as ContainerState} />
                </td>
                <td>
                  <PortList ports={replica.ports} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="replica-scale">
        <CountField
          label={`Replicas of ${group.name}`}
          className="replica-count"
          value={target}
          onChange={setTarget}
          minValue={0}
          maxValue={MAX_REPLICAS}
          isDisabled={scale.isPending}
        />
        <Button
          className="button"
          onPress={() => scale.mutate(target)}
          isDisabled={!validTarget || target === total || scale.isPending}
          isPending={scale.isPending}
        >
          Apply
        </Button>
        <Button
          className="button button-danger-quiet replica-remove"
          onPress={() => setConfirming(true)}
          isDisabled={scale.isPending}
        >
          Remove group
        </Button>
      </div>
      {scale.isSuccess && !scale.isPending && (
        <p role="status" className="field-description">
          Scaled {group.name} to {scale.variables} {scale.variables === 1 ? 'replica' : 'replicas'}.
        </p>
      )}
      {scale.error && (
        <ErrorAlert
          title={`Could not scale ${group.name}`}
          message={scale.error.message}
          onDismiss={() => scale.reset()}
        />
      )}
      <ConfirmDialog
        isOpen={confirming}
        title={`Remove ${group.name}?`}
        confirmLabel="Remove group"
        onConfirm={() => {
          setConfirming(false);
          scale.mutate(0);
        }}
        onCancel={() => setConfirming(false)}
      >
        Its {total === 1 ? 'replica is' : `${total} replicas are`} stopped and removed. Volumes stay.
      </ConfirmDialog>
    </section>
  );
}
