// The keyboard layer of the app: the palette's button, the palette, the shortcuts help, the key listener that
// runs shortcuts, and the container actions they start (with their question and their error).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ContainerSummary } from '@shared/container-types';
import { errorMessage } from '@shared/error-message';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorAlert } from '../components/error-alert';
import { useBerthClient } from '../data/client-context';
import type { ContainerActionSpec } from './container-actions';
import { containerActions } from './container-actions';
import { CommandPalette } from './command-palette';
import { ShortcutDispatcher } from './shortcut-dispatcher';
import { ShortcutKeys } from './shortcut-keys';
import { isMac } from './shortcuts';
import { ShortcutsHelp } from './shortcuts-help';
import { useContainerTabs } from './use-container-tabs';
import { usePaletteCommands } from './use-palette-commands';
import '../styles/palette.css';

interface Pending {
  action: ContainerActionSpec;
  container: ContainerSummary;
}

function useContainerActionRunner() {
  const client = useBerthClient();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const perform = useCallback(
    async ({ action, container }: Pending) => {
      try {
        await action.run(client, container);
      } catch (caught) {
        setError({ title: `Could not ${action.verb.toLowerCase()} ${container.name}`, message: errorMessage(caught) });
      } finally {
        void queries.invalidateQueries({ queryKey: ['containers:list'] });
      }
    },
    [client, queries],
  );
  const act = useCallback(
    (actionId: string, container: ContainerSummary) => {
      const action = containerActions.find((each) => each.id === actionId);
      if (!action) return;
      if (action.confirm) setConfirming({ action, container });
      else void perform({ action, container });
    },
    [perform],
  );
  return { act, confirming, setConfirming, perform, error, setError };
}

export function CommandCenter() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const runner = useContainerActionRunner();
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const actions = useMemo(() => ({ act: runner.act, openPalette, openHelp }), [runner.act, openPalette, openHelp]);
  const commands = usePaletteCommands(paletteOpen, actions);
  const { tabs } = useContainerTabs();

  // The listener reads the latest commands through a ref, so it is added once.
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  }, [commands]);
  useEffect(() => {
    const dispatcher = new ShortcutDispatcher(isMac());
    const onKey = (event: KeyboardEvent) => {
      const command = dispatcher.handle(event, latest.current, Date.now());
      if (command) {
        event.preventDefault();
        command.run();
      } else if (dispatcher.waiting) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { confirming } = runner;
  const question = confirming?.action.confirm?.(confirming.container);
  return (
    <>
      <Button className="palette-button" onPress={openPalette} aria-keyshortcuts={isMac() ? 'Meta+K' : 'Control+K'}>
        <span className="palette-button-label">Commands</span>
        <ShortcutKeys shortcut={['Mod+k']} />
      </Button>
      <CommandPalette isOpen={paletteOpen} onClose={() => setPaletteOpen(false)} commands={commands} />
      <ShortcutsHelp isOpen={helpOpen} onClose={() => setHelpOpen(false)} tabs={tabs} />
      <ConfirmDialog
        isOpen={confirming !== null}
        title={question?.title ?? ''}
        confirmLabel={question?.confirmLabel ?? 'OK'}
        onCancel={() => runner.setConfirming(null)}
        onConfirm={() => {
          if (confirming) void runner.perform(confirming);
          runner.setConfirming(null);
        }}
      >
        {question?.body}
      </ConfirmDialog>
      {runner.error && (
        <div className="palette-error">
          <ErrorAlert
            title={runner.error.title}
            message={runner.error.message}
            onDismiss={() => runner.setError(null)}
          />
        </div>
      )}
    </>
  );
}
