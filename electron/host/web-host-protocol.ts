import {
  INVOKE_ARG_SCHEMAS,
  INVOKE_CHANNELS,
  type ErrorInfo,
  type InvokeChannel,
} from '../contract';
import { createLogger } from '../core/logger';

import type { BackendHandlers } from './backend-types';

const log = createLogger('diag:web-host-protocol');

/** Channels whose result is a plain value, not a `Result`: their failures are error replies. */
const PLAIN_RESULT_CHANNELS: ReadonlySet<InvokeChannel> = new Set<InvokeChannel>([
  'app:info',
  'app:renderer-ready',
  'profiles:list',
  'secrets:status',
  'run:list',
  'catalog:list',
  'sandbox:status',
]);

/** A request id as the client sent it; anything else is answered with `id: null`. */
type RequestId = number | string | null;

/** What the web host answers to one request. */
export type WebReply = { id: RequestId; result: unknown } | { id: RequestId; error: ErrorInfo };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';

  return typeof value === 'string' ? `\`${value.slice(0, 60)}\`` : typeof value;
}

function errorReply(id: RequestId, channel: InvokeChannel | null, error: ErrorInfo): WebReply {
  // A Result channel fails inside its own shape, so the DesktopApi caller sees the same
  // `{ ok: false }` it would get from the backend; other channels get an error reply.
  if (channel !== null && !PLAIN_RESULT_CHANNELS.has(channel)) {
    return { id, result: { ok: false, error } };
  }

  return { id, error };
}

function isChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as string[]).includes(value);
}

/**
 * Handles one raw WebSocket message: parses `{ id, channel, args }`, checks the arguments
 * against the contract's schema, then calls the handler. Never throws: every failure becomes
 * a reply the client can show.
 */
export async function handleWebMessage(handlers: BackendHandlers, raw: string): Promise<WebReply> {
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return { id: null, error: { code: 'input.invalid', message: 'Expected a JSON message' } };
  }
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    return {
      id: null,
      error: {
        code: 'input.invalid',
        message: `Expected a message object, got ${describe(message)}`,
      },
    };
  }

  const { id: rawId, channel, args } = message as Record<string, unknown>;
  const id: RequestId = typeof rawId === 'number' || typeof rawId === 'string' ? rawId : null;
  if (id === null) {
    return {
      id,
      error: {
        code: 'input.invalid',
        message: `Expected \`id\` to be a number or string, got ${describe(rawId)}`,
      },
    };
  }
  if (!isChannel(channel)) {
    return {
      id,
      error: { code: 'input.invalid', message: `Unknown channel ${describe(channel)}` },
    };
  }

  const parsed = INVOKE_ARG_SCHEMAS[channel].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined || issue.path.length === 0 ? '' : ` at \`${issue.path.join('.')}\``;

    return errorReply(id, channel, {
      code: 'input.invalid',
      message: `Invalid arguments for \`${channel}\`${where}: ${issue?.message ?? 'rejected'}`,
    });
  }

  try {
    const handler = handlers[channel] as (...values: unknown[]) => Promise<unknown>;
    const result = await handler(...(parsed.data as unknown[]));

    return { id, result };
  } catch (error) {
    log.error('handler failed', { channel, error });

    return errorReply(id, channel, {
      code: 'internal',
      message: `\`${channel}\` failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
