// The renderer's entry: applies the saved theme before the first paint, connects to the core (Electron
// preload or WebSocket bridge), wires engine events to the query cache, starts the stats store and renders
// the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createQueryClient } from './data/query-client';
import { syncQueriesWithEvents } from './data/event-sync';
import { createClient } from './ipc/create-client';
import { preemptInlineStyles } from './lib/csp-compat';
import { createStatsStore } from './stats/stats-store';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/status-bar.css';
import './styles/buttons.css';
import './styles/fields.css';
import './styles/forms.css';
import './styles/checkbox.css';
import './styles/feedback.css';
import './styles/table.css';
import './styles/pages.css';
import './styles/stats.css';
import './styles/charts.css';
import './styles/detail.css';
import './styles/select.css';
import './styles/limit-slider.css';
import './styles/limits-editor.css';
import './styles/limits-panel.css';
import './styles/bulk-limits.css';
import './styles/run-dialog.css';
import './styles/replicas.css';
import './styles/images.css';
import './styles/transfers.css';
import './styles/engine.css';
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
