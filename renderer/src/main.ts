import { mount } from 'svelte';

import App from './App.svelte';
import { resolveApi } from './lib/api/resolve-api';
import MissingHost from './lib/layout/MissingHost.svelte';
import './styles/app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('Expected an `#app` element in index.html');

const api = resolveApi(window);
if (api === null) mount(MissingHost, { target });
else mount(App, { target, props: { api } });
