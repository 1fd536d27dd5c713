import type { RunBundle, RunLog } from '../../../../electron/contract';
import { renderExport } from '../../../../electron/core/export';

/** Exports an imported bundle again in every format, as the app would after opening it. */
export function exportAgainInEveryFormat(parsed: { bundle: RunBundle; log: RunLog }): void {
  for (const format of ['json', 'har', 'md'] as const) {
    renderExport(
      {
        log: parsed.log,
        profile: parsed.bundle.profile,
        findings: parsed.bundle.findings,
        app: { name: 'x', version: '1' },
      },
      { format, redaction: 'redact' },
    );
  }
}
