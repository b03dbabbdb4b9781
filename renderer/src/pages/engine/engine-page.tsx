// The Engine page: every engine Berth knows (kept fresh by `engines:changed`), the selected one's state,
// controls, facts, disk usage and live log; adding engines; diagnostics for a bug report; and a warning when
// the settings file (where engines are kept) could not be used.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Page } from '../../components/page';
import { QueryError } from '../../components/query-error';
import { useChannelQuery } from '../../data/channel-query';
import { AddEngineDialog } from './add-engine-dialog';
import { DiagnosticsActions } from './diagnostics-actions';
import { EngineDetails } from './engine-details';
import { EngineList } from './engine-list';
import { pickSelected } from './engine-model';
import { SettingsFileNotice } from './settings-file-notice';
import '../../styles/engine.css';

export function EnginePage() {
  const engines = useChannelQuery('engines:list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const list = engines.data ?? [];
  const selected = pickSelected(list, chosen);
  const active = list.find((engine) => engine.active);

  return (
    <Page
      title="Engine"
      subtitle={active ? `Active: ${active.name}` : engines.isPending ? 'Loading…' : 'No active engine'}
      toolbar={
        <>
          <DiagnosticsActions />
          <Button className="button" onPress={() => setAdding(true)} isDisabled={!engines.data}>
            Add engine…
          </Button>
        </>
      }
    >
      <SettingsFileNotice />
      {engines.error && <QueryError what="the engines" error={engines.error} onRetry={() => void engines.refetch()} />}
      {engines.data && (
        <div className="engine-layout">
          <EngineList engines={list} selectedId={selected?.id ?? null} onSelect={setChosen} />
          {selected && <EngineDetails engine={selected} />}
        </div>
      )}
      {adding && engines.data && (
        <AddEngineDialog engines={engines.data} onAdded={setChosen} onClose={() => setAdding(false)} />
      )}
    </Page>
  );
}
