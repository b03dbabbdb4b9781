// One compose project on the Containers page: a disclosure whose header names the project with its aggregate
// state (2/3 running), its summed CPU and memory, and its actions; opened, it lists the project's containers.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  Button,
  Disclosure,
  DisclosurePanel,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Separator,
} from 'react-aria-components';
import { Icon, MoreIcon } from '../components/icons';
import { StateBadge } from '../components/state-badge';
import { formatBytes } from '../format/bytes';
import { formatPercent } from '../format/stats-format';
import { usageTotals } from '../model/stats-totals';
import { useAllLatestStats } from '../stats/use-stats';
import { TotalsPanel } from '../totals/totals-panel';
import { projectHealth, projectStateText, type ProjectGroup } from './compose-groups';
import type { ProjectAction } from './project-actions';

export type ProjectMenuAction = ProjectAction | 'down';

export interface ProjectRowProps {
  group: ProjectGroup;
  pending: ProjectAction | undefined;
  onAction: (action: ProjectMenuAction, group: ProjectGroup) => void;
}

export function ProjectRow({ group, pending, onAction }: ProjectRowProps) {
  // Controlled, so the totals charts (which ask the store for history) mount only while the row is open.
  const [expanded, setExpanded] = useState(false);
  return (
    <Disclosure className="compose-project" isExpanded={expanded} onExpandedChange={setExpanded}>
      <div className="compose-project-header" role="group" aria-label={`Compose project ${group.name}`}>
        <Button slot="trigger" className="compose-project-toggle">
          <svg viewBox="0 0 12 12" width={12} height={12} aria-hidden="true" className="compose-chevron">
            <path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          <span className="compose-project-name">{group.name}</span>
        </Button>
        <span className={`badge compose-health-${projectHealth(group)}`}>{projectStateText(group)}</span>
        <ProjectUsage group={group} />
        <span className="compose-project-actions">
          {pending && <Icon name="spinner" size={16} />}
          <ProjectMenu group={group} busy={pending !== undefined} onAction={onAction} />
        </span>
      </div>
      <DisclosurePanel className="compose-project-panel">
        <ul className="compose-members" aria-label={`Containers of ${group.name}`}>
          {group.containers.map((container) => (
            <li key={container.id} className="compose-member">
              <Link to={`/containers/${container.id}`} className="row-link">
                {container.name}
              </Link>
              <StateBadge state={container.state} />
              <span className="cell-secondary truncate" title={container.status}>
                {container.status}
              </span>
              <span className="cell-secondary truncate" title={container.image}>
                {container.image}
              </span>
            </li>
          ))}
        </ul>
        {expanded && <ProjectTotals group={group} />}
      </DisclosurePanel>
    </Disclosure>
  );
}

/** The project's CPU and memory over a range, stacked by container. */
function ProjectTotals({ group }: { group: ProjectGroup }) {
  const ids = useMemo(() => group.containers.map((container) => container.id), [group.containers]);
  const names = useMemo(
    () => new Map(group.containers.map((container) => [container.id, container.name])),
    [group.containers],
  );
  return <TotalsPanel title={`Usage of ${group.name}`} ids={ids} names={names} exportName={group.name} />;
}

function ProjectUsage({ group }: { group: ProjectGroup }) {
  const totals = usageTotals(group.containers, useAllLatestStats());
  if (totals.running === 0) return <span className="compose-usage muted">Not running</span>;
  if (totals.reporting === 0) return <span className="compose-usage muted">…</span>;
  return (
    <span className="compose-usage numeric" title="Summed over the project's running containers">
      <span>CPU {formatPercent(totals.cpuPercent)}</span>
      <span>Memory {formatBytes(totals.memBytes)}</span>
    </span>
  );
}

function ProjectMenu({
  group,
  busy,
  onAction,
}: {
  group: ProjectGroup;
  busy: boolean;
  onAction: ProjectRowProps['onAction'];
}) {
  const allRunning = group.running === group.total;
  return (
    <MenuTrigger>
      <Button aria-label={`Actions for project ${group.name}`} className="icon-button" isDisabled={busy}>
        <MoreIcon />
      </Button>
      <Popover className="menu-popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label={`Actions for project ${group.name}`}
          onAction={(key) => onAction(key as ProjectMenuAction, group)}
          disabledKeys={[...(allRunning ? ['start'] : []), ...(group.running === 0 ? ['stop'] : [])]}
        >
          <MenuItem id="start" className="menu-item">
            Start
          </MenuItem>
          <MenuItem id="stop" className="menu-item">
            Stop
          </MenuItem>
          <MenuItem id="restart" className="menu-item">
            Restart
          </MenuItem>
          <Separator className="menu-separator" />
          <MenuItem id="down" className="menu-item menu-item-danger">
            Down…
          </MenuItem>
          <MenuItem id="remove" className="menu-item menu-item-danger">
            Remove containers…
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
