// Export of recorded stats as CSV or JSON: the core writes the file's text (`stats:export`) for the window
// shown, and the page downloads it through a Blob link (saveFile), so no new window opens and the strict CSP
// needs nothing more. Used by the Stats tab and the project and engine totals.
import { useState } from 'react';
import { useBerthClient } from '../../data/client-context';
import { saveFile } from '../../lib/save-file';
import type { TimeWindow } from '../../stats/history/time-window';

const mime = { csv: 'text/csv;charset=utf-8', json: 'application/json' } as const;

export function useStatsExport(ids: string | readonly string[], what: string) {
  const client = useBerthClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: 'csv' | 'json', window: TimeWindow) => {
    setPending(true);
    setError(null);
    try {
      const file = await client.invoke('stats:export', {
        ids: typeof ids === 'string' ? [ids] : [...ids],
        from: Math.floor(window.from),
        to: Math.ceil(window.to),
        format,
      });
      saveFile(file.text, file.filename || `${what}-stats.${format}`, mime[format]);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  };
  return { run: (format: 'csv' | 'json', window: TimeWindow) => void run(format, window), pending, error };
}
