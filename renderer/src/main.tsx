import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createApiClient } from './api/client.js';
import { createElectronProgress, createElectronTransport } from './api/electron.js';
import { I18nProvider } from './i18n/index.js';
import './styles.css';

// The transport is the only part that knows where the API lives; an HTTP one can replace it here.
const getBridge = () => window.qinggao;
const api = createApiClient(createElectronTransport(getBridge));
const subscribeProgress = createElectronProgress(getBridge);

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <App api={api} subscribeProgress={subscribeProgress} connected={getBridge() !== undefined} />
    </I18nProvider>
  </StrictMode>,
);
