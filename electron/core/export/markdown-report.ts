import {
  readyStateName,
  SDK_EVENT_TYPES,
  type Finding,
  type PlanSummary,
  type ResultEvent,
  type RunTimings,
  type TimelineEvent,
  type TimelineEventType,
} from '../../contract';

import { scrubRun, type ExportInput } from './export-input';
import { timingsOf } from './json-bundle';
import { platformInfo } from './platform-info';
import { UNREVEALED_NOTE, type ExportRedaction } from './redaction';

// The events the report reads: its inputs, its outcome and the SDK events table.
const REPORT_EVENT_TYPES: ReadonlySet<TimelineEventType> = new Set<TimelineEventType>([
  'run.start',
  'result',
  ...SDK_EVENT_TYPES,
]);

/** Renders a Markdown report for a support ticket: inputs, outcome, SDK events, diagnosis. */
export function renderMarkdown(input: ExportInput, redaction: ExportRedaction): string {
  const run = scrubRun(input, redaction, { reads: REPORT_EVENT_TYPES });
  const { summary, events, findings } = run;
  const now = input.now ?? (() => new Date());
  const platform = platformInfo();
  const start = events.find((event) => event.type === 'run.start');
  const result = events.findLast((event) => event.type === 'result');
  const lines = [
    `# Skylink handshake report: ${inline(summary.profileName)}`,
    '',
    `- Outcome: **${inline(summary.headline)}**`,
    `- Run: \`${inline(summary.runId)}\` (${summary.source}), started ${summary.startedAt}` +
      (summary.durationMs === null ? '' : `, took ${summary.durationMs} ms`),
    `- Exported: ${now().toISOString()} by ${inline(input.app.name)} ${inline(input.app.version)}` +
      ` on ${platform.os}/${platform.arch}, ${platform.runtime}`,
    `- Sensitive values: ${redaction.mode}`,
    '',
    '## Inputs',
    '',
    ...(start === undefined
      ? ['No `run.start` event: the inputs are unknown.']
      : planTable(start.plan)),
    '',
    '## Outcome',
    '',
    ...(result === undefined
      ? ['The run has no `result` event: it did not finish.']
      : outcomeLines(result)),
    '',
    '## SDK events',
    '',
    ...sdkTable(events),
    '',
    '## Diagnosis',
    '',
    ...findingLines(findings),
    '',
    '## Timings',
    '',
    ...timingTable(timingsOf(events)),
    '',
  ];
  const text = redaction.finishText(lines.join('\n'));

  return redaction.hasUnrevealed ? `${text}\n> ${UNREVEALED_NOTE}\n` : text;
}

function planTable(plan: PlanSummary): string[] {
  const rows: [string, string][] = [
    ['Server', plan.server + (plan.embeddedSandbox ? ' (embedded sandbox)' : '')],
    ['App key', plan.appKey],
    ['Room', plan.room],
    ['Auth mode', plan.authMode],
    ['Origin', plan.origin ?? '(none sent)'],
  ];
  if (plan.authMode === 'credentials') {
    rows.push(
      ['Start', plan.startDateTime ?? '(none)'],
      ['Duration (h)', plan.duration ?? '(none)'],
      ['Credentials', `${plan.credentials ?? '(none)'} (${plan.credentialsSource ?? 'unknown'})`],
    );
  }
  rows.push(
    ['SDK flavour', plan.sdk],
    [
      'Timeouts',
      `API ${plan.network.apiTimeoutMs} ms × ${plan.network.apiRetries + 1}, socket ` +
        `${plan.network.socketTimeoutMs} ms, join ${plan.network.joinTimeoutMs} ms`,
    ],
  );
  if (plan.network.proxy !== null) rows.push(['Proxy', plan.network.proxy]);
  if (plan.network.insecure) rows.push(['TLS checks', 'skipped (insecure)']);

  return table(['Input', 'Value'], rows);
}

function outcomeLines(result: ResultEvent): string[] {
  const lines = [`- Outcome: **${result.outcome}** after ${result.durationMs} ms`];
  lines.push(`- Last ready state: ${readyStateName(result.readyState)} (${result.readyState})`);
  const error = result.readyStateError;
  if (error !== null) {
    lines.push(
      `- readyStateChange error: status ${error.status}, errorCode ${error.errorCode}` +
        `${error.errorName === null ? '' : ` (${error.errorName})`}: ${inline(error.content)}`,
    );
  }
  const action = result.systemAction;
  if (action !== null) {
    lines.push(
      `- systemAction: ${inline(action.action)}, reason ` +
        `\`${inline(action.reason)}\`: ${inline(action.info)}`,
    );
  }
  if (result.error !== null) {
    lines.push(`- Engine error \`${result.error.code}\`: ${inline(result.error.message)}`);
  }

  return lines;
}

function sdkTable(events: readonly TimelineEvent[]): string[] {
  const rows = events.filter((event) => SDK_EVENT_TYPES.includes(event.type)).map(sdkRow);
  if (rows.length === 0) return ['The run raised no SDK events.'];

  return table(['seq', 't (ms)', 'Event', 'State', 'Code', 'Name', 'Reason'], rows);
}

function sdkRow(event: TimelineEvent): string[] {
  const head = [String(event.seq), String(Math.round(event.t)), event.type];
  switch (event.type) {
    case 'readyStateChange':
      return [
        ...head,
        `${event.stateName} (${event.state})`,
        event.error === null ? '' : String(event.error.errorCode),
        event.error?.errorName ?? '',
        event.error?.content ?? '',
      ];
    case 'systemAction':
      return [...head, event.action, '', event.reason, event.info];
    case 'socketError':
      return [
        ...head,
        event.fallbackType ?? '',
        String(event.errorCode),
        event.errorName,
        event.message,
      ];
    case 'channelOpen':
      return [...head, event.transport, '', '', event.url];
    case 'channelClose':
      return [...head, '', '', '', event.reason];
    case 'channelError':
      return [...head, '', '', '', event.message];
    case 'peerJoined':
      return [...head, 'joined', '', event.peerId, event.room];
    case 'run.start':
    case 'dns':
    case 'tcp':
    case 'tls':
    case 'http.request':
    case 'http.response':
    case 'http.retry':
    case 'api.parsed':
    case 'socket.attempt':
    case 'socket.message':
    case 'step.failed':
    case 'diagnosis':
    case 'note':
    case 'result':
      return [...head, '', '', '', ''];
  }
}

function findingLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['No findings.'];

  return findings.flatMap((finding, index) => {
    const evidence =
      finding.evidence.length === 0 ? 'none' : finding.evidence.map((seq) => `#${seq}`).join(', ');
    return [
      `${index + 1}. **${inline(finding.verdict)}** ` +
        `(${finding.severity}, ${finding.confidence} confidence, \`${inline(finding.id)}\`)`,
      `   - Next step: ${inline(finding.nextStep)}`,
      `   - Evidence: ${evidence}`,
    ];
  });
}

function timingTable(timings: RunTimings | null): string[] {
  if (timings === null) return ['No timings: the run has no `result` event.'];
  const ms = (value: number | null): string => (value === null ? '—' : `${Math.round(value)} ms`);

  return table(
    ['Step', 'Time'],
    [
      ['DNS', ms(timings.dnsMs)],
      ['TCP connect', ms(timings.tcpMs)],
      ['TLS handshake', ms(timings.tlsMs)],
      ['API time to first byte', ms(timings.ttfbMs)],
      ['API total', ms(timings.totalMs)],
      ['API attempts', String(timings.apiAttempts)],
      ['Signalling connect', ms(timings.socketConnectMs)],
      ['Signalling attempts', String(timings.socketAttempts)],
      ['Join (joinRoom → inRoom)', ms(timings.joinMs)],
    ],
  );
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** One line of text: a newline in a value would break the list or the table it sits in. */
function inline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
