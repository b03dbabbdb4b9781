// xterm.js writes its colours, cell sizes and scrollbar rules into <style> elements it creates at run time.
// Berth's CSP (`style-src 'self'`, no 'unsafe-inline') blocks those, and would log a violation for each. Rather
// than weaken the CSP, `document.createElement('style')` hands out an inert, hidden element whose text goes
// into a constructed stylesheet adopted by the document (the CSSOM, which the CSP does not govern). Nothing
// else in the renderer creates <style> elements (the CSP would block them anyway), so this changes nothing else.
let installed = false;

export function routeRuntimeStyles(doc: Document = document): void {
  if (installed) return;
  installed = true;
  const create = doc.createElement.bind(doc) as (tag: string, options?: ElementCreationOptions) => HTMLElement;
  doc.createElement = ((tag: string, options?: ElementCreationOptions) =>
    tag.toLowerCase() === 'style'
      ? sheetBackedElement(doc, create)
      : create(tag, options)) as Document['createElement'];
}

function sheetBackedElement(doc: Document, create: (tag: string) => HTMLElement): HTMLElement {
  const element = create('berth-runtime-style');
  element.hidden = true;
  const sheet = new CSSStyleSheet();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  let text = '';
  const setText = (value: string | null) => {
    text = value ?? '';
    sheet.replaceSync(text);
  };
  Object.defineProperty(element, 'textContent', { get: () => text, set: setText, configurable: true });
  Object.defineProperty(element, 'innerText', { get: () => text, set: setText, configurable: true });
  const remove = element.remove.bind(element);
  element.remove = () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((each) => each !== sheet);
    remove();
  };
  return element;
}
