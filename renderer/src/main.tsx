// The renderer's entry: applies the saved theme before the first paint, connects to the core (Electron
// preload or WebSocket bridge), wires engine events to the query cache, starts the stats store and renders
// the app.
// The global stylesheets, first so that every feature's own stylesheet (imported by the components that use it)
// comes after them in the cascade: tokens and the document defaults, the window's layout (shell, pages), the
// controls every page uses (buttons, fields, forms, checkbox, feedback, table), and those used by several
// unrelated features: stats (sparklines and usage bars: the Dashboard, the Containers list, the Stats tab, the
// limits editor), detail (tabs: a container's page and the run dialog; the breadcrumb; the Dashboard's top
// consumers) and images (besides the Images page, the dialog frame's wide and scrolling bodies and the dialog
// forms and alerts of the Engine and Registries pages).
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/buttons.css';
import './styles/fields.css';
import './styles/forms.css';
import './styles/checkbox.css';
import './styles/feedback.css';
import './styles/table.css';
import './styles/pages.css';
import './styles/stats.css';
import './styles/detail.css';
import './styles/images.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createQueryClient } from './data/query-client';
import { syncQueriesWithEvents } from './data/event-sync';
import { createClient } from './ipc/create-client';
import { preemptInlineStyles } from './lib/csp-compat';
import { createStatsStore } from './stats/stats-store';
import { applyTheme } from './theme/theme';

preemptInlineStyles();
applyTheme();
const client = createClient();
const queryClient = createQueryClient();
syncQueriesWithEvents(client, queryClient);
const stats = createStatsStore(client);
stats.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App client={client} queryClient={queryClient} stats={stats} />
  </StrictMode>,
);
