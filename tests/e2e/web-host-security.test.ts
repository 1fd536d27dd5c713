import { request } from 'node:http';
import { createServer } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import type { PushMap } from '../../electron/contract';
import { startWebApp, upgradeStatus as upgradeStatusOf, type WebApp } from '../support/web-app';

let app: WebApp;
let origin: string;

beforeAll(async () => {
  app = await startWebApp();
  origin = new URL(app.host.url).origin;
});

afterAll(async () => {
  await app.close();
});

/** The HTTP status of an upgrade from the page's origin (unless `headers` says otherwise). */
function upgradeStatus(query: string, headers: Record<string, string> = {}): Promise<number> {
  return upgradeStatusOf(app.host.port, query, { Origin: origin, ...headers });
}

/** Sends raw HTTP (no client-side path normalisation) and returns status, headers and body. */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: app.host.port, path, headers, method: 'GET' },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A connected client that sends raw text and collects replies in order. */
async function openClient(): Promise<{ ws: WebSocket; send(text: string): Promise<any> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${app.host.port}/ws?token=${app.host.token}`, {
    headers: { Origin: origin },
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waiting: ((value: unknown) => void)[] = [];
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8'));
    if ('push' in message) return;
    waiting.shift()?.(message);
  });

  return {
    ws,
    send(text) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        ws.send(text);
      });
    },
  };
}

describe('startWebHost', () => {
  describe('WebSocket admission', () => {
    it('accepts a connection with the token and our own origin', async () => {
      expect(await upgradeStatus(`?token=${app.host.token}`)).toBe(101);
    });

    it('refuses a connection without the token with HTTP 401', async () => {
      expect(await upgradeStatus('')).toBe(401);
    });

    it('refuses a connection with a wrong token with HTTP 401', async () => {
      const wrong = app.host.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
      expect(await upgradeStatus(`?token=${wrong}`)).toBe(401);
      expect(await upgradeStatus('?token=short')).toBe(401);
    });

    it('refuses a foreign Origin even with the right token', async () => {
      const query = `?token=${app.host.token}`;
      expect(await upgradeStatus(query, { Origin: 'http://evil.example' })).toBe(401);
      expect(await upgradeStatus(query, { Origin: 'http://localhost:1' })).toBe(401);
    });

    it('makes a new 64-hex-digit token at each start', async () => {
      const other = await startWebApp();
      try {
        expect(app.host.token).toMatch(/^[0-9a-f]{64}$/);
        expect(other.host.token).not.toBe(app.host.token);
        expect(other.host.url).toContain(`/#token=${other.host.token}`);
      } finally {
        await other.close();
      }
    });
  });

  describe('listening address', () => {
    it('binds 127.0.0.1 only, not the wildcard address', async () => {
      expect(new URL(app.host.url).hostname).toBe('127.0.0.1');
      // If the host held 0.0.0.0, another loopback address could not take the same port.
      const probe = createServer();
      await new Promise<void>((resolve, reject) => {
        probe.once('error', reject);
        probe.listen(app.host.port, '127.0.0.2', resolve);
      });
      await new Promise((resolve) => probe.close(resolve));
    });

    it('answers 421 to a request for another host name (DNS rebinding)', async () => {
      const res = await rawGet('/', { Host: `evil.example:${app.host.port}` });
      expect(res.status).toBe(421);
    });
  });

  describe('static files', () => {
    it('serves index.html with its content type and the CSP header', async () => {
      const res = await rawGet('/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(res.body)?.[1];
      expect(script).toBeDefined();
      const js = await rawGet(`/${script}`);
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    });

    it.each([
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%00index.html',
      '/%E0%A4%A',
    ])('refuses the traversal path %s', async (path) => {
      const res = await rawGet(path);
      expect(res.status).toBe(400);
      expect(res.body).not.toContain('skylink-diagnostics');
    });

    it('answers 404 for a missing file and 405 for a POST', async () => {
      expect((await rawGet('/nope.js')).status).toBe(404);
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: app.host.port, path: '/', method: 'POST' },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end('x');
      });
      expect(status).toBe(405);
    });
  });

  describe('protocol', () => {
    it('answers malformed messages with an error reply and keeps serving', async () => {
      const client = await openClient();
      try {
        const notJson = await client.send('{not json');
        expect(notJson).toEqual({
          id: null,
          error: { code: 'input.invalid', message: 'Expected a JSON message' },
        });

        const unknown = await client.send(JSON.stringify({ id: 2, channel: 'fs:read', args: [] }));
        expect(unknown.id).toBe(2);
        expect(unknown.error.code).toBe('input.invalid');
        expect(unknown.error.message).toContain('fs:read');

        const badArgs = await client.send(
          JSON.stringify({ id: 3, channel: 'run:events-since', args: ['run', -5] }),
        );
        expect(badArgs).toMatchObject({ id: 3, result: { ok: false } });
        expect(badArgs.result.error.code).toBe('input.invalid');
        expect(badArgs.result.error.message).toContain('run:events-since');

        const plainBad = await client.send(
          JSON.stringify({ id: 4, channel: 'profiles:list', args: ['extra'] }),
        );
        expect(plainBad.error.code).toBe('input.invalid');

        const badDraft = await client.send(
          JSON.stringify({ id: 5, channel: 'profiles:save', args: [{ name: '' }] }),
        );
        expect(badDraft.result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });

        const good = await client.send(JSON.stringify({ id: 6, channel: 'app:info', args: [] }));
        expect(good.result.host).toBe('web');
      } finally {
        client.ws.close();
      }
    });

    it('pushes run events to a connected client', async () => {
      const client = await openClient();
      try {
        const pushes: any[] = [];
        client.ws.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString('utf8'));
          if ('push' in message) pushes.push(message);
        });
        const started = await client.send(
          JSON.stringify({ id: 1, channel: 'run:start', args: ['builtin:cors-success'] }),
        );
        expect(started.result.ok).toBe(true);
        await expect
          .poll(() => pushes.some((p) => p.push === 'run:state' && p.payload.state === 'done'), {
            timeout: 15_000,
          })
          .toBe(true);
        const types: string[] = pushes
          .filter((p) => p.push === 'run:events')
          .flatMap((p) => (p.payload as PushMap['run:events']).events.map((e) => e.type));
        expect(types).toContain('readyStateChange');
      } finally {
        client.ws.close();
      }
    });
  });
});
