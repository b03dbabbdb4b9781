// Settings → "Registry credentials": where the login dialog saves (settings:update registryCredentials). The
// encrypted choice is disabled, with the core's reason beside it, where encryption is unavailable; a refusal
// by the core shows in place and leaves the saved choice selected.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import type { RegistryCredentialStorage } from '@shared/registry-types';
import { ErrorAlert } from '../../components/error-alert';
import { QueryError } from '../../components/query-error';
import { channelKey, useChannelQuery } from '../../data/channel-query';
import { useBerthClient } from '../../data/client-context';
import { credentialStorageOptions, savedStorageText } from './registry-credentials-model';

export function RegistryCredentialsSection() {
  const titleId = useId();
  const optionId = useId();
  const settings = useChannelQuery('settings:get', {});
  const client = useBerthClient();
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: (storage: RegistryCredentialStorage) =>
      client.invoke('settings:update', { registryCredentials: storage }),
    onSuccess: (saved) => queries.setQueryData(channelKey('settings:get', {}), saved),
  });
  const view = settings.data;
  const selected = save.isPending && save.variables ? save.variables : view?.settings.registryCredentials;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Registry credentials</h2>
      {settings.error && (
        <QueryError what="the settings" error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.isPending && <p className="muted">Loading…</p>}
      {view && (
        <RadioGroup
          className="radio-group"
          value={selected}
          onChange={(value) => save.mutate(value as RegistryCredentialStorage)}
          isDisabled={save.isPending}
        >
          <Label className="field-label">Save registry logins in</Label>
          {credentialStorageOptions(view).map((option) => (
            <div key={option.value} className="radio-option">
              <Radio
                value={option.value}
                className="radio"
                isDisabled={option.disabledReason !== null}
                aria-describedby={`${optionId}-${option.value}`}
              >
                <span className="radio-circle" aria-hidden="true" />
                {option.label}
              </Radio>
              <p id={`${optionId}-${option.value}`} className="field-description radio-option-description">
                {option.disabledReason ? `Unavailable: ${option.disabledReason}` : option.description}
              </p>
            </div>
          ))}
          <Text slot="description" className="field-description">
            Changes where new logins are saved; existing logins stay where they are. Pulls use Berth&apos;s encrypted
            logins first, then the docker config.
          </Text>
        </RadioGroup>
      )}
      {save.error && (
        <ErrorAlert
          title="Where logins are saved was not changed"
          message={save.error.message}
          onDismiss={() => save.reset()}
        />
      )}
      <span role="status" className="run-hint">
        {save.isSuccess && save.data ? savedStorageText(save.data.settings.registryCredentials) : ''}
      </span>
    </section>
  );
}
