// The Inspect tab's environment: every variable, secret-looking values (secret-env.ts) masked until their
// Show button is pressed; Hide masks them again.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { KeyValue } from '@shared/inspect-types';
import { looksSecret, maskedText } from '../../../model/secret-env';

export function EnvSection({ env }: { env: readonly KeyValue[] }) {
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setShown((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <section className="panel inspect-section" aria-labelledby="inspect-env">
      <h2 id="inspect-env">Environment</h2>
      {env.length === 0 ? (
        <p className="muted">No environment variables.</p>
      ) : (
        <table className="plain-table kv-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {env.map(({ key, value }, index) => {
              const secret = looksSecret(key, value);
              const visible = !secret || shown.has(key);
              return (
                <tr key={`${key}-${index}`}>
                  <th scope="row" className="mono">
                    {key}
                  </th>
                  <td className="mono kv-value">
                    {visible ? (
                      value || <span className="muted">(empty)</span>
                    ) : (
                      <span aria-hidden="true">{maskedText}</span>
                    )}
                    {!visible && <span className="visually-hidden">hidden</span>}
                    {secret && (
                      <Button className="button button-small secret-toggle" onPress={() => toggle(key)}>
                        {visible ? 'Hide' : 'Show'}
                        <span className="visually-hidden"> {key}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
