// The controls of a container's row and its page's toolbar: the main action its state allows (start, stop or
// resume) as a button, Remove, and a menu with the rest (restart, pause, kill with a choice of signal, rename).
// Names carry the container's name ("Stop web-1") so each is unambiguous to a screen reader and to tests.
import {
  Button,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Separator,
  SubmenuTrigger,
  type Key,
} from 'react-aria-components';
import { killSignals, type KillSignal } from '@shared/container-action-types';
import type { ContainerSummary } from '@shared/container-types';
import { IconButton } from '../../components/icon-button';
import { actionLabels, allowedActions, type ContainerAction } from '../../model/container-actions';
import { MoreIcon } from '../../components/icons';

export interface RowActionsProps {
  container: ContainerSummary;
  pending: ContainerAction | undefined;
  onAction: (action: ContainerAction, container: ContainerSummary, signal?: KillSignal) => void;
}

/** The one action shown as a button: what a user most often wants in that state. */
const primaryActions: readonly ContainerAction[] = ['start', 'unpause', 'stop'];
const menuActions: readonly ContainerAction[] = ['restart', 'pause', 'stop', 'rename'];

export function ContainerRowActions({ container, pending, onAction }: RowActionsProps) {
  const busy = pending !== undefined;
  const name = container.name;
  const allowed = allowedActions(container.state);
  const primary = primaryActions.find((action) => allowed.includes(action));
  const inMenu = menuActions.filter((action) => allowed.includes(action) && action !== primary);
  const onMenu = (key: Key) => {
    const [action, signal] = String(key).split(':') as [ContainerAction, KillSignal | undefined];
    onAction(action, container, signal);
  };
  return (
    <div className="row-actions">
      {primary && (
        <IconButton
          label={`${actionLabels[primary]} ${name}`}
          tooltip={actionLabels[primary]}
          icon={primary === 'stop' ? 'stop' : 'start'}
          isDisabled={busy}
          isBusy={pending === primary}
          onPress={() => onAction(primary, container)}
        />
      )}
      {allowed.includes('remove') && (
        <IconButton
          label={`Remove ${name}`}
          tooltip="Remove"
          icon="remove"
          tone="danger"
          isDisabled={busy}
          isBusy={pending === 'remove'}
          onPress={() => onAction('remove', container)}
        />
      )}
      <MenuTrigger>
        <Button aria-label={`More actions for ${name}`} className="icon-button" isDisabled={busy}>
          <MoreIcon />
        </Button>
        <Popover className="menu-popover" placement="bottom end">
          <Menu className="menu" aria-label={`Actions for ${name}`} onAction={onMenu}>
            {inMenu.map((action) => (
              <MenuItem key={action} id={action} className="menu-item">
                {actionLabels[action]}
              </MenuItem>
            ))}
            {allowed.includes('kill') && (
              <SubmenuTrigger>
                <MenuItem id="kill-menu" className="menu-item menu-item-danger" textValue="Kill">
                  Kill ›
                </MenuItem>
                <Popover className="menu-popover" placement="end top">
                  <Menu className="menu" aria-label={`Signal to send to ${name}`} onAction={onMenu}>
                    {killSignals.map((signal) => (
                      <MenuItem key={signal} id={`kill:${signal}`} className="menu-item mono">
                        {signal}
                      </MenuItem>
                    ))}
                  </Menu>
                </Popover>
              </SubmenuTrigger>
            )}
            {allowed.includes('remove') && (
              <>
                <Separator className="menu-separator" />
                <MenuItem id="remove" className="menu-item menu-item-danger">
                  Remove…
                </MenuItem>
              </>
            )}
          </Menu>
        </Popover>
      </MenuTrigger>
    </div>
  );
}
