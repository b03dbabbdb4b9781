// The Terminal tab of a container's page: a shell in the running container (xterm.js), with the shell and the
// user to run it as. Coming back to the tab reattaches to the session this window left (its recent output
// replayed); a session that ended says how, with a button to start a new one.
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { ContainerSummary } from '@shared/container-types';
import { ErrorAlert } from '../../components/error-alert';
import { useBerthClient } from '../../data/client-context';
import { routeRuntimeStyles } from '../../terminal/csp-styles';
import { TerminalLink, type ShellChoice, type TerminalState } from '../../terminal/terminal-link';
import { onThemeChange, terminalTheme } from '../../terminal/terminal-theme';
import { TerminalToolbar } from './terminal-toolbar';
import '../../styles/terminal.css';

export function TerminalTab({ container, gone }: { container: ContainerSummary; gone: boolean }) {
  const client = useBerthClient();
  const hostRef = useRef<HTMLDivElement>(null);
  const linkRef = useRef<TerminalLink | null>(null);
  const [state, setState] = useState<TerminalState>({ phase: 'idle' });
  const [choice, setChoice] = useState<ShellChoice>({});
  const running = container.state === 'running' && !gone;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    routeRuntimeStyles();
    const term = new Terminal({
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace',
      fontSize: 13,
      // A blinking cursor costs every keystroke a frame in Chromium: the blink restarts on each key press, so the
      // page has a frame to draw first, and Chromium holds the echo back until that frame is out, then draws it
      // in the frame after (bench:ops: keystroke → echo painted 30 ms blinking, 12 ms steady). VS Code's
      // terminal does not blink by default either.
      cursorBlink: false,
      scrollback: 5000,
      theme: terminalTheme(),
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    const refit = () => {
      // A hidden or collapsed host has no size to fit to.
      if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
    };
    refit();
    const link = new TerminalLink(client, term, setState);
    linkRef.current = link;
    const typing = term.onData((data) => link.send(data));
    const resizing = term.onResize(({ cols, rows }) => link.resize(cols, rows));
    const observer = new ResizeObserver(refit);
    observer.observe(host);
    const stopTheme = onThemeChange((theme) => {
      term.options.theme = theme;
    });
    return () => {
      stopTheme();
      observer.disconnect();
      typing.dispose();
      resizing.dispose();
      link.dispose();
      linkRef.current = null;
      term.dispose();
    };
  }, [client]);

  // Opens (or reattaches) once the container runs; the choice applies to the next session, not this one.
  const choiceRef = useRef(choice);
  useEffect(() => {
    choiceRef.current = choice;
  }, [choice]);
  useEffect(() => {
    if (running) void linkRef.current?.connect(container.id, choiceRef.current);
  }, [container.id, running]);

  const restart = () => void linkRef.current?.restart(container.id, choice);

  return (
    <section className="terminal-tab" aria-label={`Terminal in ${container.name}`}>
      <TerminalToolbar choice={choice} onChoice={setChoice} state={state} running={running} onRestart={restart} />
      {!running && (
        <p role="status" className="notice terminal-notice">
          {gone
            ? `${container.name} was removed.`
            : `${container.name} is not running (${container.state}): start it to open a terminal.`}
        </p>
      )}
      {state.phase === 'failed' && (
        <ErrorAlert
          title="Could not open a terminal"
          message={state.message}
          action={running ? { label: 'Try again', onPress: restart } : undefined}
        />
      )}
      {state.phase === 'ended' && (
        <div role="status" className="terminal-ended">
          <span>
            {state.message ? `Session ended: ${state.message}` : `Session ended (exit code ${state.exitCode})`}
          </span>
          <Button className="button button-secondary button-small" onPress={restart} isDisabled={!running}>
            Restart session
          </Button>
        </div>
      )}
      {/* Kept mounted (the terminal lives in it) but hidden while there is nothing to show. */}
      <div className="terminal-host" ref={hostRef} hidden={!running && state.phase === 'idle'} />
    </section>
  );
}
