// The in-page side of `exec_rtt_ratio`: scripts (strings, because tsx's compiled functions call a `__name` helper
// the page does not have) that time one keystroke in a terminal from the keydown xterm.js receives to three end
// points, each in page time:
// - `page`: the WebSocket frame with the echo reaches the page (the core's part is done);
// - `rows`: xterm.js changed its rows in the DOM to show one more `x`;
// - `painted`: the browser finished the rendering update (style, layout, paint) that contains that change. The
//   pixels reach the screen at the compositor's next draw, which a page cannot see.

/** Added before the page's own scripts: notes when stream data arrives, and whether the page is inside a
 * rendering update (animation callbacks run in it; a task posted from there runs after its paint). */
export const timingInit = `(() => {
  if (window.__execTiming) return;
  window.__execTiming = { lastData: NaN, inFrame: false };
  const timing = window.__execTiming;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.startsWith('{"type":"event","event":"stream:data"')) {
          timing.lastData = performance.now();
        }
      });
    }
  };
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    request((time) => {
      if (!timing.inFrame) {
        timing.inFrame = true;
        setTimeout(() => (timing.inFrame = false));
      }
      callback(time);
    });
})()`;

/** Arms the next keystroke: `window.__execEcho` resolves to its { page, rows, painted } times (ms). */
export const armKeystroke = `(() => {
  const timing = window.__execTiming;
  const rows = document.querySelector('.xterm-rows');
  const input = document.querySelector('.xterm-helper-textarea');
  const count = () => (rows.textContent.match(/x/g) || []).length;
  const before = count();
  timing.lastData = NaN;
  window.__execEcho = new Promise((resolve) => {
    let pressedAt = NaN;
    input.addEventListener('keydown', (event) => { pressedAt = event.timeStamp; }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (count() <= before) return;
      observer.disconnect();
      const rowsAt = performance.now();
      const done = () =>
        resolve({ page: timing.lastData - pressedAt, rows: rowsAt - pressedAt, painted: performance.now() - pressedAt });
      // Changed outside a rendering update: the change is painted by the next one.
      if (timing.inFrame) setTimeout(done);
      else requestAnimationFrame(() => setTimeout(done));
    });
    observer.observe(rows, { childList: true, subtree: true, characterData: true });
  });
})()`;

/** A page with xterm.js alone that echoes each keystroke itself, at once: the floor of any terminal drawn by
 * xterm.js in this browser (no network, no container), in the same size, font and (steady) cursor as Berth's. */
export function floorPage(xtermScript: string, xtermCss: string): string {
  return `<!doctype html><html><head><style>${xtermCss}</style></head>
<body style="margin:0"><div id="host" style="width:1200px;height:700px"></div>
<script>${xtermScript}</script>
<script>
  const term = new Terminal({ fontFamily: 'monospace', fontSize: 13, cursorBlink: false, scrollback: 5000 });
  term.open(document.getElementById('host'));
  term.onData((data) => term.write(data === '\\x15' ? '\\r\\x1b[K/ # ' : data));
  term.write('/ # ');
  term.focus();
</script></body></html>`;
}
