import { z } from 'zod';

import {
  BUNDLE_SCHEMA,
  BUNDLE_VERSION,
  fail,
  ok,
  ProfileSchema,
  type Result,
  type RunBundle,
  type RunLog,
} from '../../contract';

import {
  FindingSchema,
  RunSummarySchema,
  RunTimingsSchema,
  TimelineEventSchema,
} from './event-schemas';
import { compileFastCheck } from './fast-check';
import { describeValue, findJsonShapeProblem, formatPath, valueAt } from './json-guard';

/**
 * The largest bundle read, in characters. A handshake has hundreds of events, a long soak run
 * a few hundred thousand (about 370 characters each). The cap bounds the memory one import
 * takes; it is 500 MiB rather than 512 because V8 cannot hold a string of 512 MiB
 * (2^29 - 24 characters at most), and a cap no string can pass would check nothing.
 */
export const MAX_BUNDLE_CHARS = 500 * 1024 * 1024;
/** The most events a bundle may hold. */
export const MAX_BUNDLE_EVENTS = 1_000_000;

// Known limit: fields this build does not know are dropped on import, so a bundle from a newer
// build of the same version loses its additions when it is exported again.
/** The whole bundle as zod checks it; {@link parseBundle} must agree with it, field for field. */
export const BundleSchema = z.object({
  schema: z.literal(BUNDLE_SCHEMA),
  version: z.number().int().min(1),
  exportedAt: z.string().max(100),
  app: z.object({ name: z.string().max(200), version: z.string().max(100) }),
  platform: z.object({
    os: z.string().max(100),
    arch: z.string().max(100),
    runtime: z.string().max(200),
  }),
  redaction: z.object({
    mode: z.enum(['redact', 'hash', 'include']),
    note: z.string().max(10_000).optional(),
  }),
  profile: ProfileSchema.nullable(),
  run: RunSummarySchema,
  events: z.array(TimelineEventSchema).max(MAX_BUNDLE_EVENTS),
  findings: z.array(FindingSchema).max(10_000),
  timings: RunTimingsSchema,
});

// The events of a well-formed bundle are checked by compiled code; zod sees only the others.
const isPlainEvent = compileFastCheck(TimelineEventSchema);
const EventCountSchema = z.object({ events: z.array(z.unknown()).max(MAX_BUNDLE_EVENTS) });
const FIELDS_BEFORE_EVENTS = new Set(
  Object.keys(BundleSchema.shape).slice(0, Object.keys(BundleSchema.shape).indexOf('events')),
);

/**
 * Reads a JSON bundle back into a run log marked `imported`. Every failure is a `Result`
 * naming the field and what was wrong with it; this function never throws.
 */
export function parseBundle(text: string): Result<{ bundle: RunBundle; log: RunLog }> {
  try {
    return parseChecked(text);
  } catch (error) {
    // The checks above are meant to make this unreachable; a bug still must not crash a caller.
    const message = error instanceof Error ? error.message : String(error);

    return fail('import.invalid', `Could not read the bundle: ${message}`);
  }
}

function parseChecked(text: string): Result<{ bundle: RunBundle; log: RunLog }> {
  if (typeof text !== 'string') {
    return fail('import.invalid', `Expected the bundle as text, got ${describeValue(text)}`);
  }
  if (text.length > MAX_BUNDLE_CHARS) {
    return fail(
      'import.invalid',
      `Expected a bundle of at most ${MAX_BUNDLE_CHARS} characters, got ${text.length}`,
    );
  }

  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    return fail('import.invalid', `Expected a JSON bundle, but the file is not JSON: ${reason}`);
  }

  const shape = findJsonShapeProblem(data);
  if (shape !== null) return fail('import.invalid', shape.message, { field: shape.field });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('import.invalid', `Expected a JSON object, got ${describeValue(data)}`);
  }

  const head = data as Record<string, unknown>;
  if (head.schema !== BUNDLE_SCHEMA) {
    return fail(
      'import.invalid',
      `Expected \`schema\` to be \`${BUNDLE_SCHEMA}\`, got ${describeValue(head.schema)}: ` +
        'this is not a Skylink Diagnostics run bundle',
      { field: 'schema' },
    );
  }
  const version = head.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_VERSION) {
    return fail(
      'import.newer-version',
      `This bundle is version ${version}, written by a newer build; this build reads versions ` +
        `up to ${BUNDLE_VERSION}. Update Skylink Diagnostics to open it`,
      { version, supported: BUNDLE_VERSION },
    );
  }

  // Counted before any event is read, so an oversized file fails at once, not after a walk.
  if (Array.isArray(head.events) && head.events.length > MAX_BUNDLE_EVENTS) {
    return invalid(data, EventCountSchema.safeParse({ events: head.events }));
  }
  if (!Array.isArray(head.events)) return invalid(data, BundleSchema.safeParse(data));
  // The events are checked on their own and the rest of the bundle without them. zod lists a
  // bundle's issues in field order (`events` comes after `profile` and `run`, before
  // `findings`), so the first issue named is the one a check of the whole bundle names first,
  // without zod walking 100,000 events to list issues nobody reads.
  const events = checkEvents(head.events);
  const parsed = BundleSchema.safeParse({ ...head, events: [] });
  const first = parsed.success ? undefined : parsed.error.issues[0];
  if (first !== undefined && FIELDS_BEFORE_EVENTS.has(String(first.path[0]))) {
    return invalid(data, first);
  }
  if (!events.ok) return invalid(data, events.issue);
  if (!parsed.success) return invalid(data, first);
  parsed.data.events = events.events;

  const bundle = parsed.data as unknown as RunBundle;
  const order = checkOrder(bundle);
  if (order !== null) return fail('import.invalid', order.message, { field: order.field });

  const log: RunLog = {
    summary: { ...bundle.run, source: 'imported', eventCount: bundle.events.length },
    events: bundle.events,
  };

  return ok({ bundle, log });
}

/**
 * The events of a bundle, each as zod would give it back, or the first issue of the first
 * event that is not a valid event, its path starting at `events`.
 */
function checkEvents(
  events: unknown[],
): { ok: true; events: RunBundle['events'] } | { ok: false; issue: z.core.$ZodIssue } {
  let out: unknown[] | null = null;
  for (let index = 0; index < events.length; index += 1) {
    const event: unknown = events[index];
    if (isPlainEvent(event)) {
      out?.push(event);
      continue;
    }
    // Valid but reshaped by zod (a field this build does not know is dropped), or invalid.
    // Known limit: such an event costs zod's full parse, about 20 times the compiled check, so
    // a 100,000-event bundle from a newer build that added an event field reads in seconds.
    const parsed = TimelineEventSchema.safeParse(event);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue === undefined) break;

      return { ok: false, issue: { ...issue, path: ['events', index, ...issue.path] } };
    }
    out ??= events.slice(0, index);
    out.push(parsed.data);
  }

  return { ok: true, events: (out ?? events) as RunBundle['events'] };
}

function invalid(
  data: unknown,
  from: { success: false; error: z.ZodError } | { success: true } | z.core.$ZodIssue | undefined,
): Result<never> {
  let issue: z.core.$ZodIssue | undefined;
  if (from === undefined || !('success' in from)) issue = from;
  else if (!from.success) issue = from.error.issues[0];
  const path = issue?.path ?? [];
  const field = formatPath(path);
  const got = describeValue(valueAt(data, path));

  const message =
    issue?.code === 'invalid_type'
      ? `Expected \`${field}\` to be ${issue.expected}, got ${got}`
      : `Invalid \`${field}\`: ${issueText(issue)}, got ${got}`;

  return fail('import.invalid', message, { field });
}

function checkOrder(bundle: RunBundle): { field: string; message: string } | null {
  let previous = -Infinity;
  for (const [index, event] of bundle.events.entries()) {
    if (event.seq <= previous) {
      return {
        field: `events[${index}].seq`,
        message: `Expected \`events[${index}].seq\` to rise above ${previous}, got ${event.seq}`,
      };
    }
    previous = event.seq;
  }

  return null;
}

function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'unexpected value';
  // Zod's own messages start with "Invalid input: "; the field is already named before them.
  const message = issue.message.replace(/^Invalid input: /, '');

  return message.charAt(0).toLowerCase() + message.slice(1);
}
