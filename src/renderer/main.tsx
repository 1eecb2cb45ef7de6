import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './app/app.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startBootLoads } from './app/boot';

startBootLoads();

createRoot(document.getElementById('root')!).render(<App />);
