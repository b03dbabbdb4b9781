// The engine's inspect JSON in full: search with every match highlighted and the current one scrolled to
// (Enter or Next, Shift+Enter or Previous), secret-looking env values masked unless the switch shows them,
// and Copy for what is shown (the clipboard may refuse: the text is then selected to copy by hand).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Input, SearchField, Switch } from 'react-aria-components';
import { copyText } from '../../engine/clipboard';
import { maskSecretsInInspect } from '../../../model/secret-env';
import { findMatches, splitByMatches, stepMatch } from '../../../model/text-search';

function selectAll(element: HTMLElement | null): void {
  const selection = window.getSelection();
  if (!element || !selection) return;
  selection.selectAllChildren(element);
}

export function JsonView({ raw }: { raw: Record<string, unknown> }) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const [showSecrets, setShowSecrets] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const preRef = useRef<HTMLPreElement>(null);
  const text = useMemo(
    () => JSON.stringify(showSecrets ? raw : maskSecretsInInspect(raw), null, 2),
    [raw, showSecrets],
  );
  const matches = useMemo(() => findMatches(text, query), [text, query]);
  const pieces = useMemo(() => splitByMatches(text, matches), [text, matches]);
  // A new query starts at its first match; a shorter list (secrets masked again) keeps the index in range.
  const index = matches.length === 0 ? -1 : Math.min(Math.max(current, 0), matches.length - 1);

  useEffect(() => {
    preRef.current?.querySelector('mark.current')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [index, pieces]);

  const step = (direction: 1 | -1) => setCurrent(stepMatch(index, matches.length, direction));
  const copy = async () => {
    const done = await copyText(text);
    if (!done) selectAll(preRef.current);
    setCopied(done ? 'Copied.' : 'The clipboard refused: the JSON is selected, press Ctrl+C.');
  };

  return (
    <section className="panel inspect-section inspect-json" aria-labelledby="inspect-json">
      <h2 id="inspect-json">Inspect JSON</h2>
      <div className="json-toolbar">
        <SearchField
          aria-label="Search the JSON"
          value={query}
          onChange={(value) => {
            setQuery(value);
            setCurrent(0);
          }}
          className="filter-field"
        >
          <Input
            placeholder="Search the JSON"
            className="filter-input"
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              step(event.shiftKey ? -1 : 1);
            }}
          />
        </SearchField>
        <span className="muted numeric json-count" aria-live="polite">
          {query === '' ? '' : matches.length === 0 ? 'No matches' : `${index + 1} of ${matches.length}`}
        </span>
        <Button className="button button-small" onPress={() => step(-1)} isDisabled={matches.length === 0}>
          Previous
        </Button>
        <Button className="button button-small" onPress={() => step(1)} isDisabled={matches.length === 0}>
          Next
        </Button>
        <Switch className="switch" isSelected={showSecrets} onChange={setShowSecrets}>
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          Show secret values
        </Switch>
        <Button className="button button-small" onPress={() => void copy()}>
          Copy JSON
        </Button>
        {copied && (
          <span role="status" className="muted">
            {copied}
          </span>
        )}
      </div>
      <pre ref={preRef} className="json-text" tabIndex={0} aria-label="The engine’s inspect JSON">
        {pieces.map((piece, at) =>
          piece.match === null ? (
            piece.text
          ) : (
            <mark key={at} className={piece.match === index ? 'current' : undefined}>
              {piece.text}
            </mark>
          ),
        )}
      </pre>
    </section>
  );
}
