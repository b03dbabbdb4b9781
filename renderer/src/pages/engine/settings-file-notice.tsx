// The settings file could not be used at start (corrupt, unreadable) and was kept aside: said on the Settings
// and Engine pages, since engines and their choices live in that file and may look reset.
import { useChannelQuery } from '../../data/channel-query';
import '../../styles/engine.css';

export function SettingsFileNotice() {
  const problem = useChannelQuery('settings:get', {}).data?.fileProblem;
  if (!problem) return null;
  return (
    <div role="alert" className="notice notice-warning settings-file-notice">
      <strong>Berth could not use its settings file.</strong> {problem}
    </div>
  );
}
