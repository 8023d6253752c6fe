import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import './styles/theme.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/nav.css';
import './styles/feedback.css';
import './styles/picker.css';
import './styles/stage.css';
import './styles/jobs.css';
import './styles/forms.css';
import './styles/overview.css';
import './styles/objectives.css';
import './styles/timeline.css';
import './styles/data.css';
import './styles/import.css';
import './styles/table.css';
import './styles/profile.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
