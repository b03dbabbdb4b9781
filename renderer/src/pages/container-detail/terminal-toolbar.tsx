// The Terminal tab's controls: which shell and which user the next session runs with, what runs now, and a
// button that starts a new session with them.
import {
  Button,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  TextField,
} from 'react-aria-components';
import type { ShellChoice, TerminalState } from '../../terminal/terminal-link';
import '../../styles/select.css';

const shells = [
  { id: 'auto', label: 'Automatic (bash, else sh)' },
  { id: '/bin/bash', label: '/bin/bash' },
  { id: '/bin/sh', label: '/bin/sh' },
  { id: '/bin/ash', label: '/bin/ash' },
  { id: '/bin/zsh', label: '/bin/zsh' },
] as const;

export interface TerminalToolbarProps {
  choice: ShellChoice;
  onChoice(choice: ShellChoice): void;
  state: TerminalState;
  running: boolean;
  onRestart(): void;
}

export function TerminalToolbar({ choice, onChoice, state, running, onRestart }: TerminalToolbarProps) {
  const busy = state.phase === 'starting';
  return (
    <div className="terminal-toolbar">
      <Select
        className="select form-field terminal-shell"
        selectedKey={choice.shell ?? 'auto'}
        onSelectionChange={(key) => onChoice({ ...choice, shell: key === 'auto' ? undefined : String(key) })}
      >
        <Label className="field-label">Shell</Label>
        <Button className="select-button">
          <SelectValue />
          <span className="select-chevron" aria-hidden="true">
            ▾
          </span>
        </Button>
        <Popover className="select-popover">
          <ListBox className="select-list">
            {shells.map((shell) => (
              <ListBoxItem key={shell.id} id={shell.id} className="select-item">
                {shell.label}
              </ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </Select>
      <TextField
        className="form-field terminal-user"
        value={choice.user ?? ''}
        onChange={(user) => onChoice({ ...choice, user: user.trim() || undefined })}
      >
        <Label className="field-label">User</Label>
        <Input className="text-field-input mono" placeholder="container's own" />
      </TextField>
      <Button className="button button-secondary" onPress={onRestart} isDisabled={!running || busy}>
        New session
      </Button>
      <span className="terminal-now muted" aria-live="polite">
        {state.phase === 'running'
          ? `${state.shell}${state.user ? ` as ${state.user}` : ''}`
          : state.phase === 'starting'
            ? 'Starting…'
            : ''}
      </span>
    </div>
  );
}
