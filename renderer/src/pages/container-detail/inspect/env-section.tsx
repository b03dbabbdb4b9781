// The Inspect tab's environment: every variable, secret-looking values (secret-env.ts) masked until their
// Show button is pressed; Hide masks them again.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { KeyValue } from '@shared/inspect-types';
import { looksSecret, maskedText } from '../../../model/secret-env';
import { KeyValueTable, plainValue } from '../../../components/key-value-table';

export function EnvSection({ env }: { env: readonly KeyValue[] }) {
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setShown((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const renderValue = (row: KeyValue) => {
    const secret = looksSecret(row.key, row.value);
    const visible = !secret || shown.has(row.key);
    return (
      <>
        {visible ? plainValue(row) : <span aria-hidden="true">{maskedText}</span>}
        {!visible && <span className="visually-hidden">hidden</span>}
        {secret && (
          <Button className="button button-small secret-toggle" onPress={() => toggle(row.key)}>
            {visible ? 'Hide' : 'Show'}
            <span className="visually-hidden"> {row.key}</span>
          </Button>
        )}
      </>
    );
  };
  return (
    <section className="panel inspect-section" aria-labelledby="inspect-env">
      <h2 id="inspect-env">Environment</h2>
      <KeyValueTable rows={env} empty="No environment variables." renderValue={renderValue} />
    </section>
  );
}
