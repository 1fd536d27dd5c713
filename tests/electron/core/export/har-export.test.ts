import { describe, expect, it } from 'vitest';

import { renderExport, type ExportInput } from '../../../../electron/core/export';

import { harValidator } from './har-validator';
import { sampleRun } from './sample-run';

interface Har {
  log: {
    version: string;
    creator: { name: string };
    entries: {
      startedDateTime: string;
      time: number;
      comment?: string;
      serverIPAddress?: string;
      request: {
        method: string;
        url: string;
        queryString: { name: string; value: string }[];
        cookies: { name: string; value: string }[];
      };
      response: {
        status: number;
        content: { size: number; mimeType: string; text?: string };
        cookies: unknown[];
      };
      timings: Record<string, number>;
    }[];
  };
}

function input(): ExportInput {
  const run = sampleRun();

  return {
    ...run,
    reveal: run.redactor.revealMap(),
    app: { name: 'Skylink Diagnostics', version: '0.1.0' },
  };
}

function har(redaction: 'redact' | 'hash' | 'include' = 'redact'): { text: string; doc: Har } {
  const { text } = renderExport(input(), { format: 'har', redaction });

  return { text, doc: JSON.parse(text) as Har };
}

describe('HAR export', () => {
  it('validates against the HAR 1.2 schema in every redaction mode', () => {
    const validate = harValidator();
    for (const redaction of ['redact', 'hash', 'include'] as const) {
      const { doc } = har(redaction);

      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(doc.log.entries.length).toBeGreaterThan(0);
    }
  });

  it('catches a broken entry, so the schema check is real', () => {
    const validate = harValidator();
    const { doc } = har();
    const broken = structuredClone(doc) as unknown as {
      log: { entries: Record<string, unknown>[] };
    };
    delete broken.log.entries[1]?.timings;

    expect(validate(broken)).toBe(false);
  });

  it('writes one entry per API attempt, socket.io request and websocket upgrade', () => {
    const { doc } = har();
    const entries = doc.log.entries;

    expect(doc.log.version).toBe('1.2');
    expect(entries.map((entry) => [entry.request.method, entry.response.status])).toEqual([
      ['GET', 0],
      ['GET', 200],
      ['GET', 0],
      ['GET', 200],
    ]);
    expect(entries[0]?.comment).toContain('no response: No response within 4000 ms');
    expect(entries[2]?.request.url).toBe('ws://127.0.0.1:5001?rand=2');
    expect(entries[2]?.comment).toContain('not opened: websocket error');
    expect(entries[3]?.request.url).toContain('/socket.io/?EIO=3&transport=polling');
    expect(entries[1]?.response.content).toEqual({
      size: 51,
      mimeType: 'application/json',
      text: '{"success":true,"roomCred":"[REDACTED:roomCred]"}',
    });
    expect(entries[1]?.serverIPAddress).toBe('127.0.0.1');
    expect(entries[1]?.startedDateTime).toBe('2026-12-03T09:00:00.040Z');
  });

  it('gives the upgrade GET status 101 when the websocket opened', () => {
    const run = sampleRun();
    const events = run.log.events.map((event) =>
      event.type === 'socketError'
        ? {
            ...event,
            type: 'channelOpen' as const,
            url: 'http://127.0.0.1:5001',
            transport: 'websocket' as const,
          }
        : event,
    );
    const { text } = renderExport(
      { ...run, log: { ...run.log, events }, app: { name: 'x', version: '1' } },
      { format: 'har', redaction: 'redact' },
    );
    const upgrade = (JSON.parse(text) as Har).log.entries.find((entry) =>
      entry.request.url.startsWith('ws:'),
    );

    expect(upgrade?.response.status).toBe(101);
    expect(upgrade?.timings.wait).toBe(5);
  });

  it('maps phase timings so that connect includes ssl', () => {
    const entry = har().doc.log.entries[1];

    expect(entry?.timings).toEqual({
      blocked: -1,
      dns: 1.5,
      connect: 4,
      ssl: 3.2,
      send: 0,
      wait: 6.5,
      receive: 2,
    });
    expect(entry?.time).toBe(14);
  });

  it('splits the query string without decoding it and keeps cookie values redacted', () => {
    const entry = har().doc.log.entries[0];

    expect(entry?.request.queryString).toEqual([
      { name: 'cred', value: '[REDACTED:credentials]' },
      { name: 'rand', value: '1' },
    ]);
    expect(entry?.request.cookies).toEqual([{ name: 'sid', value: '[REDACTED:cookie]' }]);
  });

  it('adds the long-polling handshake of an attempt the engine reported no request for', () => {
    const run = sampleRun();
    const events = run.log.events.filter(
      (event) =>
        !(event.type === 'http.request' || event.type === 'http.response') ||
        event.purpose === 'api',
    );
    const { text } = renderExport(
      { ...run, log: { ...run.log, events }, app: { name: 'x', version: '1' } },
      { format: 'har', redaction: 'redact' },
    );
    const doc = JSON.parse(text) as Har;
    const polling = doc.log.entries.find((entry) => entry.comment?.includes('long-polling'));

    expect(harValidator()(doc)).toBe(true);
    expect(polling?.request.url).toBe('http://127.0.0.1:5001?rand=3');
    expect(polling?.response.status).toBe(200);
    expect(doc.log.entries).toHaveLength(4);
  });
});
