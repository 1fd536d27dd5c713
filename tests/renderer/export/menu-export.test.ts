import { mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';

import App from '../../../renderer/src/App.svelte';
import type {
  DesktopApi,
  ExportOptions,
  PushMap,
  TimelineEvent,
} from '../../../renderer/src/lib/contract';
import '../../../renderer/src/styles/app.css';
import { stubApi, summaryOf } from '../timeline/stub-api';
import { waitFor } from '../wait-for';

let app: Record<string, unknown> | null = null;

afterEach(() => {
  if (app !== null) void unmount(app);
  app = null;
  document.body.innerHTML = '';
});

describe("the menu's Export run", () => {
  it('switches to the timeline from another view and exports the open run', async () => {
    const note: TimelineEvent = {
      seq: 1,
      t: 0,
      at: '2026-12-03T10:00:00.000Z',
      type: 'note',
      level: 'info',
      message: 'one',
    };
    const base = stubApi({ summary: summaryOf('menu-run', 1), events: [note] });
    const menuListeners: ((payload: PushMap['app:menu']) => void)[] = [];
    const rendered: [string, ExportOptions][] = [];
    const api: DesktopApi = {
      ...base,
      app: {
        ...base.app,
        onMenu: (listener) => {
          menuListeners.push(listener);

          return () => {
            menuListeners.splice(menuListeners.indexOf(listener), 1);
          };
        },
      },
      exports: {
        render: (runId, options) => {
          rendered.push([runId, options]);

          return Promise.resolve({
            ok: false,
            error: { code: 'internal', message: 'not written in this test' },
          });
        },
      },
    };
    const target = document.createElement('div');
    document.body.append(target);
    app = mount(App, { target, props: { api } });
    const tab = (name: string): HTMLElement | undefined =>
      [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find(
        (element) => element.textContent.trim() === name,
      );
    await waitFor(() => document.querySelector('[data-seq="1"]') !== null);

    tab('History')!.click();
    await waitFor(() => tab('History')?.getAttribute('aria-selected') === 'true');
    for (const listener of [...menuListeners]) listener({ action: 'export-run' });
    await waitFor(() => rendered.length > 0);

    expect(tab('Timeline')?.getAttribute('aria-selected')).toBe('true');
    expect(rendered).toEqual([['menu-run', { format: 'json', redaction: 'redact' }]]);
  });
});
