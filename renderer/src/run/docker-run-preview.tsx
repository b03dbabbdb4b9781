// "Show as docker run": the docker CLI line for what the dialog would run, updated as the user types
// (dockerRunCommand from main/shared, the same splitting and limits the core uses), with a Copy button.
// For replicas it shows the first one and says how the others differ.
import { useRef, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { dockerRunCommand } from '@shared/docker-run-command';
import type { RunSpec } from '@shared/run-types';
import { errorMessage } from '@shared/error-message';

export interface DockerRunPreviewProps {
  spec: RunSpec | null;
  replicas: number;
  /** No spec yet only because the image's exposed ports are still being read. */
  pending?: boolean;
}

export function DockerRunPreview({ spec, replicas, pending = false }: DockerRunPreviewProps) {
  const [copied, setCopied] = useState<string | null>(null);
  const codeRef = useRef<HTMLElement>(null);
  const many = spec !== null && replicas > 1;
  const shown = spec && many ? { ...spec, name: spec.name === null ? null : `${spec.name}-1` } : spec;
  const command = shown ? dockerRunCommand(shown) : null;

  const copy = async () => {
    if (!command) return;
    if (!navigator.clipboard) return selectForCopy(codeRef.current, setCopied);
    try {
      await navigator.clipboard.writeText(command);
      setCopied('Copied.');
    } catch (error) {
      // Denied (no permission, window not focused): select the text so the user can copy it by hand.
      selectForCopy(codeRef.current, setCopied, errorMessage(error));
    }
  };

  return (
    <Disclosure className="run-disclosure run-preview">
      <Heading level={3} className="run-disclosure-heading">
        <Button slot="trigger" className="run-disclosure-trigger">
          <span className="run-disclosure-chevron" aria-hidden="true">
            ›
          </span>
          Show as docker run
        </Button>
      </Heading>
      <DisclosurePanel className="run-disclosure-panel">
        {command ? (
          <>
            <pre className="run-command" aria-label="docker run command" tabIndex={0}>
              <code ref={codeRef}>{command}</code>
            </pre>
            {many && (
              <p className="field-description">
                The first of {replicas} replicas. Berth runs the others alike
                {spec.name ? ` as ${spec.name}-2 … ${spec.name}-${replicas}` : ''}, fixed host ports one higher each,
                and labels them as one replica group.
              </p>
            )}
            <div className="run-inline-actions">
              <Button className="button button-small" onPress={() => void copy()}>
                Copy command
              </Button>
              <span role="status" className="field-description">
                {copied}
              </span>
            </div>
          </>
        ) : (
          <p className="field-description">
            {pending ? 'Reading the ports the image exposes…' : 'The command shows once the problems above are fixed.'}
          </p>
        )}
      </DisclosurePanel>
    </Disclosure>
  );
}

function selectForCopy(element: HTMLElement | null, say: (text: string) => void, reason?: string): void {
  if (element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }
  const why = reason ? ` (${reason})` : '';
  say(`Copying is not available here${why}: the command is selected, press Ctrl+C (⌘C on a Mac) to copy it.`);
}
