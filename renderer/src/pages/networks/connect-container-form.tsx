// Connect a container to the network shown: a choice of the containers not on it yet, optional aliases (other
// names it answers to on this network), and the engine's refusal in place.
import { useState } from 'react';
import { Button, Form, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import type { NetworkDetail } from '@shared/network-types';
import { ErrorAlert } from '../../components/error-alert';
import { ReferenceField } from '../../components/reference-field';
import { containersListRequest, useChannelMutation, useChannelQuery } from '../../data/channel-query';

export function ConnectContainerForm({ network }: { network: NetworkDetail }) {
  const containers = useChannelQuery('containers:list', containersListRequest);
  const [chosen, setChosen] = useState<string | null>(null);
  const [aliases, setAliases] = useState('');
  const connect = useChannelMutation('networks:connect', (detail, queries) => {
    queries.setQueryData(['networks:inspect', { id: network.id }], detail);
  });
  const attached = new Set(network.containers.map((member) => member.id));
  const candidates = (containers.data ?? []).filter((container) => !attached.has(container.id));
  const aliasList = aliases
    .split(/[\s,]+/)
    .map((alias) => alias.trim())
    .filter(Boolean);
  const submit = () => {
    if (!chosen) return;
    connect.mutate(
      { network: network.id, container: chosen, ...(aliasList.length ? { aliases: aliasList } : {}) },
      {
        onSuccess: () => {
          setChosen(null);
          setAliases('');
        },
      },
    );
  };

  return (
    <Form
      className="network-connect"
      aria-label={`Connect a container to ${network.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 className="dialog-subheading">Connect a container</h3>
      <div className="network-connect-row">
        <Select
          className="select form-field"
          selectedKey={chosen}
          onSelectionChange={(key) => {
            setChosen(key === null ? null : String(key));
            connect.reset();
          }}
          placeholder={candidates.length ? 'Choose a container' : 'Every container is on it'}
          isDisabled={candidates.length === 0}
        >
          <Label className="field-label">Container</Label>
          <Button className="select-button">
            <SelectValue />
            <span className="select-chevron" aria-hidden="true">
              ▾
            </span>
          </Button>
          <Popover className="select-popover">
            <ListBox className="select-list" items={candidates}>
              {(container) => (
                <ListBoxItem id={container.id} className="select-item" textValue={container.name}>
                  {container.name} <span className="muted">({container.state})</span>
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </Select>
        <ReferenceField
          label="Aliases (optional)"
          value={aliases}
          onChange={(value) => {
            setAliases(value);
            connect.reset();
          }}
          error={null}
          description="Other names it answers to here."
          placeholder="db, cache"
        />
        <Button type="submit" className="button network-connect-button" isDisabled={!chosen || connect.isPending}>
          {connect.isPending ? 'Connecting…' : 'Connect'}
        </Button>
      </div>
      {connect.error && (
        <ErrorAlert title="Could not connect" message={connect.error.message} onDismiss={() => connect.reset()} />
      )}
    </Form>
  );
}
