// Renderer entry: mounts the app into #root; styles are plain CSS files bundled by Vite (CSP-safe).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';
import './styles/views.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
