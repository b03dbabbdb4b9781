// The Containers page's compose projects: one collapsible row per project (compose-groups.ts) above the table,
// with its actions: start, stop, restart and remove of all its containers (one result each), and Down
// through the compose CLI. Nothing shows when no container belongs to a project.
import { useMemo, useState } from 'react';
import type { ContainerSummary } from '@shared/container-types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorAlert } from '../components/error-alert';
import { ComposeDownDialog } from './compose-down-dialog';
import { groupByProject, type ProjectGroup } from './compose-groups';
import { ProjectRow, type ProjectMenuAction } from './project-row';
import { useProjectActions } from './use-project-actions';
import '../styles/compose.css';

export function ComposeProjects({ containers }: { containers: readonly ContainerSummary[] }) {
  const groups = useMemo(() => groupByProject(containers), [containers]);
  const actions = useProjectActions();
  const [downOf, setDownOf] = useState<ProjectGroup | null>(null);
  const [removeOf, setRemoveOf] = useState<ProjectGroup | null>(null);

  const onAction = (action: ProjectMenuAction, group: ProjectGroup) => {
    if (action === 'down') setDownOf(group);
    else if (action === 'remove') setRemoveOf(group);
    else void actions.run(group.name, action);
  };

  // The dialogs stay mounted when the last project goes (a finished Down still shows its output).
  return (
    <>
      {groups.length > 0 && (
        <section className="compose-projects" aria-labelledby="compose-projects-title">
          <h2 id="compose-projects-title" className="compose-projects-title">
            Compose projects
          </h2>
          {actions.failure && (
            <ErrorAlert
              title={`Could not ${actions.failure.action} all of ${actions.failure.project}`}
              message={actions.failure.message}
              onDismiss={actions.dismiss}
            />
          )}
          <div className="compose-project-list">
            {groups.map((group) => (
              <ProjectRow
                key={group.name}
                group={group}
                pending={actions.pending.get(group.name)}
                onAction={onAction}
              />
            ))}
          </div>
        </section>
      )}
      {downOf && (
        <ComposeDownDialog
          project={downOf}
          onClose={() => setDownOf(null)}
          onRemoveContainers={() => void actions.run(downOf.name, 'remove')}
        />
      )}
      <ConfirmDialog
        isOpen={removeOf !== null}
        title={`Remove the containers of ${removeOf?.name ?? ''}?`}
        confirmLabel="Remove"
        onCancel={() => setRemoveOf(null)}
        onConfirm={() => {
          if (removeOf) void actions.run(removeOf.name, 'remove');
          setRemoveOf(null);
        }}
      >
        Its {removeOf?.total ?? 0} containers are stopped and removed, without compose: its networks and volumes stay.
      </ConfirmDialog>
    </>
  );
}
