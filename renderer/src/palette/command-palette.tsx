// The command palette: a modal with a search field over a menu of commands, ranked as the user types
// (fuzzy.ts). Arrows move through the list while focus stays in the field; Enter runs, Escape closes and
// focus returns where it was.
import { useMemo, useState } from 'react';
import {
  Autocomplete,
  Dialog,
  Input,
  Menu,
  MenuItem,
  Modal,
  ModalOverlay,
  Text,
  TextField,
  type Key,
} from 'react-aria-components';
import type { PaletteCommand } from './command-types';
import { rankCommands } from './fuzzy';
import { ShortcutKeys } from './shortcut-keys';

export interface CommandPaletteProps {
  isOpen: boolean;
  onClose: () => void;
  commands: readonly PaletteCommand[];
}

export function CommandPalette({ isOpen, onClose, commands }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const ranked = useMemo(() => rankCommands(commands, query, 60), [commands, query]);
  const close = () => {
    setQuery('');
    onClose();
  };
  const run = (key: Key) => {
    const command = ranked.find((each) => each.id === key);
    close();
    // After the modal has closed and given focus back, so a command that moves focus keeps it.
    if (command) window.setTimeout(() => command.run(), 0);
  };

  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && close()}
      isDismissable
      className="modal-overlay palette-overlay"
    >
      <Modal className="modal palette-modal">
        <Dialog aria-label="Command palette" className="palette">
          <Autocomplete inputValue={query} onInputChange={setQuery}>
            <TextField aria-label="Search commands" className="palette-field" autoFocus>
              <Input className="palette-input" placeholder="Type a command, a page, a container or an image…" />
            </TextField>
            <Menu
              aria-label="Commands"
              className="palette-list"
              items={ranked}
              onAction={run}
              renderEmptyState={() => <p className="palette-empty">No command matches “{query}”.</p>}
            >
              {(command) => (
                <MenuItem id={command.id} textValue={command.title} className="palette-item">
                  <Text slot="label" className="palette-title">
                    {command.title}
                  </Text>
                  <Text slot="description" className="palette-section">
                    {command.section}
                  </Text>
                  {command.shortcut && <ShortcutKeys shortcut={command.shortcut} inMenu />}
                </MenuItem>
              )}
            </Menu>
          </Autocomplete>
          <p className="palette-hint" aria-hidden="true">
            ↑ ↓ to move · Enter to run · Esc to close · ? for all shortcuts
          </p>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
