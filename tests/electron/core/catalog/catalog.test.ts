import { describe, expect, it } from 'vitest';

import {
  ERROR_CODES,
  LEGACY_READY_STATE_CHANGE_ERROR,
  LEGACY_SYSTEM_ACTION_REASON,
  READY_STATE_CHANGE_ERROR,
  SOCKET_ERROR,
  SYSTEM_ACTION_REASON,
  type TimelineEvent,
} from '../../../../electron/contract';
import {
  CATALOG,
  catalogEntry,
  catalogKeyForEvent,
  findCatalogEntries,
} from '../../../../electron/core/catalog';

const base = { seq: 1, t: 0, at: '2026-12-03T09:00:00.000Z' };

describe('CATALOG', () => {
  it('has no empty field and no thin entry', () => {
    for (const entry of CATALOG) {
      for (const field of [entry.key, entry.name, entry.meaning]) {
        expect(field.trim(), entry.key).not.toBe('');
      }
      expect(entry.causes.length, `${entry.key} causes`).toBeGreaterThanOrEqual(2);
      expect(entry.checks.length, `${entry.key} checks`).toBeGreaterThanOrEqual(2);
      expect(entry.fixes.length, `${entry.key} fixes`).toBeGreaterThanOrEqual(1);
      expect(entry.authModes.length, `${entry.key} authModes`).toBeGreaterThan(0);
      for (const text of [...entry.causes, ...entry.checks, ...entry.fixes]) {
        expect(text.trim().length, entry.key).toBeGreaterThan(10);
      }
      if (entry.sdkNotes !== null) expect(entry.sdkNotes.trim(), entry.key).not.toBe('');
    }
  });

  it('has unique keys', () => {
    const keys = CATALOG.map((entry) => entry.key);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('explains every engine error code', () => {
    for (const code of ERROR_CODES) expect(catalogEntry(`engine:${code}`), code).not.toBeNull();
  });

  it('explains every current and legacy readyState error code with its SDK name', () => {
    const tables = { ...READY_STATE_CHANGE_ERROR, ...LEGACY_READY_STATE_CHANGE_ERROR };
    for (const [name, code] of Object.entries(tables)) {
      const entry = catalogEntry(`readyState:${code}`);

      expect(entry?.name, name).toBe(name);
      expect(entry?.number).toBe(code);
      expect(entry?.legacy, name).toBe(name in LEGACY_READY_STATE_CHANGE_ERROR);
    }
  });

  it('explains every systemAction reason, current and legacy', () => {
    for (const [name, reason] of Object.entries(SYSTEM_ACTION_REASON)) {
      expect(catalogEntry(`systemAction:${reason}`)?.name, reason).toBe(name);
    }
    for (const [name, reason] of Object.entries(LEGACY_SYSTEM_ACTION_REASON)) {
      const entry = catalogEntry(`systemAction:${reason}`);

      expect(entry?.name, reason).toBe(name);
      expect(entry?.legacy).toBe(true);
    }
  });

  it('explains every SOCKET_ERROR code', () => {
    for (const [name, code] of Object.entries(SOCKET_ERROR)) {
      expect(catalogEntry(`socketError:${code}`)?.name, name).toBe(name);
    }
  });

  it('says that 2.x reports the HTTP status and that -1 can be a failed preflight', () => {
    expect(catalogEntry('readyState:4005')?.sdkNotes).toMatch(/2\.x.*HTTP status/);
    expect(catalogEntry('readyState:-1')?.causes[0]).toMatch(/preflight/);
    expect(catalogEntry('systemAction:toclose')?.sdkNotes).toMatch(/toClose/);
  });
});

describe('findCatalogEntries()', () => {
  it('finds by number, name, reason, engine code and key, ignoring case', () => {
    expect(findCatalogEntries('4005').map((entry) => entry.key)).toEqual(['readyState:4005']);
    expect(findCatalogEntries('api_credentials_not_match')[0]?.key).toBe('readyState:4005');
    expect(findCatalogEntries('EXPIRED').map((entry) => entry.key)).toContain(
      'systemAction:expired',
    );
    expect(findCatalogEntries('toClose').map((entry) => entry.key)).toEqual([
      'systemAction:toclose',
    ]);
    expect(findCatalogEntries('DNS.failed').map((entry) => entry.key)).toEqual([
      'engine:dns.failed',
    ]);
    expect(findCatalogEntries('socketError:-3')[0]?.name).toBe('RECONNECTION_ABORTED');
  });

  it('lists both families when a number is shared', () => {
    const keys = findCatalogEntries('-1').map((entry) => entry.key);

    expect(keys).toEqual(expect.arrayContaining(['readyState:-1', 'socketError:-1']));
  });

  it('falls back to a substring match and finds nothing for nonsense', () => {
    expect(findCatalogEntries('CREDENTIALS').length).toBeGreaterThan(2);
    expect(findCatalogEntries('no-such-code')).toEqual([]);
    expect(findCatalogEntries('  ')).toEqual([]);
  });
});

describe('catalogKeyForEvent()', () => {
  const error = (errorCode: number, status = 403) => ({
    ...base,
    type: 'readyStateChange' as const,
    state: -1 as const,
    stateName: 'ERROR' as const,
    room: 'lobby',
    error: { status, errorCode, errorName: null, content: 'x' },
  });

  it('maps readyStateChange errors to their code or to the HTTP status note', () => {
    expect(catalogKeyForEvent(error(4005))).toBe('readyState:4005');
    expect(catalogKeyForEvent(error(-1, -1))).toBe('readyState:-1');
    expect(catalogKeyForEvent(error(403))).toBe('readyState:http');
    expect(catalogKeyForEvent(error(123456))).toBeNull();
    expect(catalogKeyForEvent({ ...error(4005), state: 2, stateName: 'COMPLETED' })).toBeNull();
  });

  it('maps systemAction, socketError, step.failed and result events', () => {
    const events: [TimelineEvent, string | null][] = [
      [
        {
          ...base,
          type: 'systemAction',
          action: 'reject',
          reason: 'expired',
          info: '',
          room: 'r',
          rid: null,
        },
        'systemAction:expired',
      ],
      [
        {
          ...base,
          type: 'systemAction',
          action: 'warning',
          reason: 'toClose',
          info: '',
          room: 'r',
          rid: null,
        },
        'systemAction:toclose',
      ],
      [
        {
          ...base,
          type: 'socketError',
          errorCode: -3,
          errorName: 'RECONNECTION_ABORTED',
          fallbackType: null,
          message: '',
        },
        'socketError:-3',
      ],
      [
        {
          ...base,
          type: 'step.failed',
          step: 'resolve',
          error: { code: 'dns.failed', message: 'x' },
        },
        'engine:dns.failed',
      ],
      [{ ...base, type: 'note', level: 'info', message: 'x' }, null],
    ];
    for (const [event, key] of events) expect(catalogKeyForEvent(event)).toBe(key);

    const timings = {
      dnsMs: null,
      tcpMs: null,
      tlsMs: null,
      ttfbMs: null,
      totalMs: null,
      apiAttempts: 1,
      socketConnectMs: null,
      joinMs: null,
      socketAttempts: 0,
    };
    const result = {
      ...base,
      type: 'result' as const,
      outcome: 'failed' as const,
      durationMs: 5,
      readyState: -1 as const,
      readyStateError: null,
      systemAction: null,
      error: { code: 'tcp.refused' as const, message: 'x' },
      timings,
    };

    expect(catalogKeyForEvent(result)).toBe('engine:tcp.refused');
    expect(catalogKeyForEvent({ ...result, outcome: 'joined', error: null })).toBeNull();
  });
});
