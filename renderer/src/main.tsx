import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { connectApi } from './api/connect.js';
import { I18nProvider } from './i18n/index.js';
import './styles.css';

// The desktop bridge when there is one, else HTTP to the `qinggao serve` that served this page.
const { api, subscribeProgress, subscribeMenuCommands, connected } = connectApi(window);

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <App api={api} subscribeProgress={subscribeProgress} subscribeMenuCommands={subscribeMenuCommands} connected={connected} />
    </I18nProvider>
  </StrictMode>,
);
