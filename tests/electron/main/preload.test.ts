import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron'));

const electron = await import('../../support/electron');
await import('../../../electron/preload/index');

describe('preload', () => {
  const api = electron.contextBridge.exposed.get('diagnostics') as {
    runs: {
      eventsSince(runId: string, afterSeq: number): Promise<unknown>;
      onState(listener: (payload: unknown) => void): () => void;
    };
  };

  it(
    'exposes the API as window.diagnostics ' + 'and invokes channels with their arguments',
    async () => {
      await api.runs.eventsSince('run-1', 3);

      expect(electron.ipcRenderer.invoked.at(-1)).toEqual({
        channel: 'run:events-since',
        args: ['run-1', 3],
      });
    },
  );

  it('hands listeners the payload only, never the IPC event', () => {
    const seen: unknown[][] = [];
    const stop = api.runs.onState((...args) => seen.push(args));
    electron.ipcRenderer.emit(
      'run:state',
      { sender: 'secret-event' },
      { runId: 'r', state: 'done' },
    );
    stop();
    electron.ipcRenderer.emit('run:state', {}, { runId: 'r', state: 'failed' });

    expect(seen).toEqual([[{ runId: 'r', state: 'done' }]]);
  });

  it('does not expose ipcRenderer', () => {
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipc');
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['diagnostics']);
  });
});
