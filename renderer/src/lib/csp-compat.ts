// React Aria adds a <style> element (touch-action for pressable elements) unless an element with its id
// already exists. Berth's CSP allows no inline styles, so that element would be blocked and log a CSP
// violation; base.css carries the same rule, and this placeholder tells React Aria it is there.
const pressableStyleId = 'react-aria-pressable-style';

export function preemptInlineStyles(doc: Document = document): void {
  if (doc.getElementById(pressableStyleId)) return;
  const marker = doc.createElement('meta');
  marker.id = pressableStyleId;
  marker.name = 'berth-note';
  marker.content = 'React Aria pressable styles are in base.css (the CSP forbids inline <style>)';
  doc.head.prepend(marker);
}
