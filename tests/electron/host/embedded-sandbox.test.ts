import { describe, expect, it } from 'vitest';

import { EmbeddedSandbox, type SandboxHandle } from '../../../electron/host/embedded-sandbox';
import { createSandbox } from '../../../electron/sandbox/index';

describe('EmbeddedSandbox', () => {
  it('starts one real sandbox lazily, shared by concurrent callers, and stops it', async () => {
    let starts = 0;
    const embedded = new EmbeddedSandbox(async (): Promise<SandboxHandle> => {
      starts += 1;

      return createSandbox();
    });
    expect(embedded.status()).toEqual({ running: false, url: null });

    const [first, second] = await Promise.all([embedded.url(), embedded.url()]);
    const answer = await fetch(`${first}/api/demo-cors-key/lobby`, {
      headers: { Origin: 'https://app.example.com' },
    });

    expect(starts).toBe(1);
    expect(second).toBe(first);
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(answer.status).toBeLessThan(500);
    expect(await embedded.stop()).toEqual({ running: false, url: null });
    await expect(fetch(`${first}/api/demo-cors-key/lobby`)).rejects.toThrow();
  });
});
