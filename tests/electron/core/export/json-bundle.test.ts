import { describe, expect, it } from 'vitest';

import type { RedactionMode, TimelineEvent } from '../../../../electron/contract';
import type { ExportInput } from '../../../../electron/core/export';
import { buildBundle, renderBundleText } from '../../../../electron/core/export/json-bundle';
import { ExportRedaction } from '../../../../electron/core/export/redaction';

import { sampleRun } from './sample-run';

/** The sample run plus an event whose strings put markers next to what JSON escapes. */
function trickyInput(): ExportInput {
  const run = sampleRun();
  const marker = run.redactor.markerFor('roomCred', 'room-cred-7f3e2a91c04b');
  const last = run.log.events.at(-1);
  const tricky = {
    type: 'socket.message',
    seq: (last?.seq ?? 0) + 1,
    t: (last?.t ?? 0) + 1,
    at: '2026-12-03T09:00:01.000Z',
    direction: 'received',
    messageType: 'odd',
    payload: {
      slash: `\\${marker}\\`,
      quoted: `"${marker}"`,
      controls: `\u0000\n${marker}\t\u001f`,
      [marker]: 'marker as a key',
      near: `[REDACTED:${marker}]`,
      raw: 'https://x.test/?cred=raw-value-1&a=1',
      unicode: `é☃${marker}😀`,
    },
  } as unknown as TimelineEvent;

  return {
    log: { ...run.log, events: [...run.log.events, tricky] },
    profile: run.profile,
    findings: run.findings,
    reveal: run.redactor.revealMap(),
    app: { name: `App ${marker}`, version: '0.1.0' },
    now: () => new Date('2026-12-03T10:00:00.000Z'),
  };
}

describe('renderBundleText()', () => {
  it.each(['redact', 'hash'] as RedactionMode[])(
    'finishing the text gives the bundle that finishing each value gives (%s)',
    (mode) => {
      const input = trickyInput();
      // One redaction instance for both, so `hash` mode marks a raw value the same way.
      const redaction = new ExportRedaction(mode, input.reveal);
      const text = renderBundleText(input, redaction);
      const byValue = buildBundle(input, redaction);

      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(byValue)));
      expect(text).not.toContain('raw-value-1');
      if (mode === 'redact') expect(text).not.toMatch(/#[0-9a-f]{8}\]/);
    },
  );
});
