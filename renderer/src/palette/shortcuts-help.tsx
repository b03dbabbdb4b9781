// "Keyboard shortcuts" (the ? key): every shortcut, by where it works. Single keys work anywhere but in a
// field, the terminal or a dialog.
import { Button } from 'react-aria-components';
import { DialogFrame } from '../components/dialog-frame';
import { navItems } from '../shell/nav-items';
import type { Shortcut, TabInfo } from './command-types';
import { containerActions } from './container-actions';
import { tabKeys } from './providers/container-commands';
import { navigationKeys } from './providers/navigation-commands';
import { ShortcutKeys } from './shortcut-keys';

interface Row {
  what: string;
  shortcut: Shortcut;
}

/** The container page's rows: its tabs, then actions sharing a key joined ("Start or stop"). */
export function containerRows(tabs: readonly TabInfo[]): Row[] {
  const rows: Row[] = tabs.flatMap((tab) =>
    tabKeys[tab.id] ? [{ what: tab.label, shortcut: [tabKeys[tab.id]!] }] : [],
  );
  const byKey = new Map<string, string[]>();
  for (const action of containerActions)
    if (action.key) byKey.set(action.key, [...(byKey.get(action.key) ?? []), action.verb]);
  for (const [key, verbs] of byKey)
    rows.push({ what: verbs.map((verb, i) => (i === 0 ? verb : verb.toLowerCase())).join(' or '), shortcut: [key] });
  return rows;
}

function Section({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <section className="shortcut-section" aria-label={title}>
      <h3>{title}</h3>
      <dl className="shortcut-list">
        {rows.map((row) => (
          <div key={row.what} className="shortcut-row">
            <dt>{row.what}</dt>
            <dd>
              <ShortcutKeys shortcut={row.shortcut} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ShortcutsHelp({
  isOpen,
  onClose,
  tabs,
}: {
  isOpen: boolean;
  onClose: () => void;
  tabs: readonly TabInfo[];
}) {
  const keys = navigationKeys(navItems);
  const pages = navItems.flatMap((item) => {
    const key = keys.get(item.path);
    return key ? [{ what: item.label, shortcut: ['g', key] }] : [];
  });
  return (
    <DialogFrame
      isOpen={isOpen}
      onClose={onClose}
      title="Keyboard shortcuts"
      size="wide"
      actions={
        <Button className="button button-secondary" onPress={onClose}>
          Close
        </Button>
      }
    >
      <p className="shortcut-note">Single keys do nothing while you type in a field or in a terminal.</p>
      <div className="shortcut-sections">
        <Section
          title="Anywhere"
          rows={[
            { what: 'Command palette', shortcut: ['Mod+k'] },
            { what: 'This list', shortcut: ['?'] },
          ]}
        />
        <Section title="Go to a page" rows={pages} />
        <Section title="On a container's page" rows={containerRows(tabs)} />
      </div>
    </DialogFrame>
  );
}
