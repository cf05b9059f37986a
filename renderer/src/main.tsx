// First: the start's calls leave before react-dom and the app's own code are evaluated.
import { opening } from './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';

const atMost = new Promise<void>((resolve) => setTimeout(resolve, 1000));

// React renders once the opening screen's code is in (or after a second at most): the screen
// then appears without a "loading" fallback in between, which React would keep up for 300 ms.
void Promise.race([opening, atMost]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
