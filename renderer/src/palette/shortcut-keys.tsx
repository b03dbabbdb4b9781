// A shortcut drawn as keys (<kbd>), with its words for screen readers ("G then C").
import { Keyboard } from 'react-aria-components';
import type { Shortcut } from './command-types';
import { chordLabel, shortcutText } from './shortcuts';

export function ShortcutKeys({ shortcut, inMenu = false }: { shortcut: Shortcut; inMenu?: boolean }) {
  const keys = (
    <span aria-hidden="true" className="shortcut-keys">
      {shortcut.map((chord, index) => (
        <span key={index} className="shortcut-chord">
          {index > 0 && <span className="shortcut-then">then</span>}
          {chordLabel(chord).map((part) => (
            <kbd key={part}>{part}</kbd>
          ))}
        </span>
      ))}
    </span>
  );
  const words = <span className="visually-hidden">{shortcutText(shortcut)}</span>;
  // In a menu item the Keyboard slot makes the shortcut part of the item's description.
  return inMenu ? (
    <Keyboard className="shortcut">
      {keys}
      {words}
    </Keyboard>
  ) : (
    <span className="shortcut">
      {keys}
      {words}
    </span>
  );
}
