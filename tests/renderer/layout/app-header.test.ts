import { mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';

import App from '../../../renderer/src/App.svelte';
import type { DesktopApi, SecretStoreStatus } from '../../../renderer/src/lib/contract';
import '../../../renderer/src/styles/app.css';
import { stubApi, summaryOf } from '../timeline/stub-api';
import { waitFor } from '../wait-for';

const NO_KEYRING: SecretStoreStatus = {
  encrypted: false,
  backend: 'memory',
  warning: 'No OS keyring is available, so secrets are not stored',
  storeWithoutKeyring: false,
};

let app: Record<string, unknown> | null = null;

afterEach(() => {
  if (app !== null) void unmount(app);
  app = null;
  document.body.innerHTML = '';
});

/** The app over a stub whose vault has no keyring; `answer` decides each switch request. */
function mountWith(
  answer: (enabled: boolean) => Awaited<ReturnType<DesktopApi['secrets']['storeWithoutKeyring']>>,
): { asked: boolean[] } {
  const asked: boolean[] = [];
  const base = stubApi({ summary: summaryOf('r', 0), events: [] });
  const api: DesktopApi = {
    ...base,
    secrets: {
      ...base.secrets,
      status: () => Promise.resolve(NO_KEYRING),
      storeWithoutKeyring: (enabled) => {
        asked.push(enabled);

        return Promise.resolve(answer(enabled));
      },
    },
  };
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(App, { target, props: { api } });

  return { asked };
}

async function checkbox(): Promise<HTMLInputElement> {
  const until = performance.now() + 5000;
  for (;;) {
    const box = document.querySelector<HTMLInputElement>('[data-testid="store-without-keyring"]');
    if (box !== null) return box;
    if (performance.now() > until) throw new Error('no "Store without keyring" checkbox');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('AppHeader', () => {
  it('turns the no-keyring opt-in on and shows what the host reports', async () => {
    const { asked } = mountWith((enabled) => ({
      ok: true,
      value: { ...NO_KEYRING, storeWithoutKeyring: enabled, warning: 'stored with a fixed key' },
    }));
    const box = await checkbox();
    expect(box.checked).toBe(false);

    box.click();
    await waitFor(() => document.body.textContent.includes('stored with a fixed key'));

    expect(asked).toEqual([true]);
    expect(box.checked).toBe(true);
    expect(document.body.textContent).toContain('stored with a fixed key');
  });

  it('falls back and says why when the host refuses', async () => {
    mountWith(() => ({
      ok: false,
      error: { code: 'secret.unavailable', message: 'secrets.bin is read-only' },
    }));
    const box = await checkbox();

    box.click();
    await waitFor(() => document.body.textContent.includes('secrets.bin is read-only'));
    await waitFor(() => !box.disabled);

    expect(box.checked).toBe(false);
    expect(document.body.textContent).toContain('secrets.bin is read-only');
  });
});
