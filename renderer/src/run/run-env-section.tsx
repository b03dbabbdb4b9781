// The run dialog's Environment tab: variables as name/value rows, and a box to paste a .env file into,
// read into rows (dotenv.ts) with what could not be read said line by line.
import { useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { parseDotenv } from './dotenv';
import { KeyValueRows } from './key-value-rows';
import { mergeEnv } from './run-form';
import { RunField } from './run-field';
import type { RunSectionProps } from './run-general-section';

export function RunEnvSection({ form, update, problems }: RunSectionProps) {
  const [pasted, setPasted] = useState('');
  const [note, setNote] = useState<{ added: number; problems: string[] } | null>(null);
  const addPasted = () => {
    const result = parseDotenv(pasted);
    update({ env: mergeEnv(form.env, result.entries) });
    setNote({ added: result.entries.length, problems: result.problems });
    // Lines that could not be read stay in the box to fix; everything read is in the rows now.
    if (result.problems.length === 0) setPasted('');
  };
  return (
    <div className="run-section">
      <KeyValueRows
        rows={form.env}
        onChange={(env) => update({ env })}
        noun="variable"
        section="env"
        problems={problems}
        keyPlaceholder="NAME"
        valuePlaceholder="value"
      />
      <Disclosure className="run-disclosure">
        <Heading level={3} className="run-disclosure-heading">
          <Button slot="trigger" className="run-disclosure-trigger">
            <span className="run-disclosure-chevron" aria-hidden="true">
              ›
            </span>
            Paste a .env file
          </Button>
        </Heading>
        <DisclosurePanel className="run-disclosure-panel">
          <RunField
            label=".env file"
            value={pasted}
            onChange={setPasted}
            multiline
            mono
            placeholder={'# KEY=value, one a line\nexport DB_HOST=localhost\nGREETING="hello world"'}
            description="Comments, blank lines, export and quoted values are understood. A name already listed takes the pasted value."
          />
          <div className="run-inline-actions">
            <Button className="button button-small" onPress={addPasted} isDisabled={pasted.trim() === ''}>
              Add variables
            </Button>
            {note && (
              <span role="status" className="field-description">
                {note.added === 1 ? 'Added 1 variable.' : `Added ${note.added} variables.`}
              </span>
            )}
          </div>
          {note && note.problems.length > 0 && (
            <ul className="field-problem-list" aria-label="Lines not read">
              {note.problems.map((problem) => (
                <li key={problem} className="field-problem">
                  {problem}
                </li>
              ))}
            </ul>
          )}
        </DisclosurePanel>
      </Disclosure>
    </div>
  );
}
