import { z } from 'zod';

import type { InvokeChannel } from './desktop-api';
import { ProfileDraftSchema } from './profile';

const id = z.string().min(1).max(200);
const text = z.string().max(64 * 1024 * 1024);

/**
 * Argument schemas per channel. At runtime IPC and WebSocket arguments are `unknown`: every
 * host parses them with these before a handler sees them.
 */
export const INVOKE_ARG_SCHEMAS = {
  'app:info': z.tuple([]),
  'app:renderer-ready': z.tuple([]),
  'profiles:list': z.tuple([]),
  'profiles:save': z.tuple([ProfileDraftSchema]),
  'profiles:remove': z.tuple([id]),
  'profiles:duplicate': z.tuple([id]),
  'profiles:import': z.tuple([text]),
  'profiles:export': z.tuple([z.array(id).min(1).max(10_000)]),
  'secrets:status': z.tuple([]),
  'secrets:set': z.tuple([id, z.enum(['secret', 'credentials']), z.string().min(1).max(4096)]),
  'secrets:clear': z.tuple([id]),
  'secrets:store-without-keyring': z.tuple([z.boolean()]),
  'run:start': z.tuple([id]),
  'run:cancel': z.tuple([id]),
  'run:list': z.tuple([]),
  'run:get': z.tuple([id]),
  'run:events-since': z.tuple([id, z.number().int().min(0)]),
  'repeat:start': z.tuple([
    id,
    z.object({
      count: z.number().int().min(1).max(100_000),
      concurrency: z.number().int().min(1).max(500),
      intervalMs: z.number().int().min(0).max(600_000),
    }),
  ]),
  'repeat:cancel': z.tuple([id]),
  'repeat:get': z.tuple([id]),
  'repeat:list': z.tuple([]),
  'export:render': z.tuple([
    id,
    z.object({
      format: z.enum(['json', 'har', 'md']),
      redaction: z.enum(['redact', 'hash', 'include']),
    }),
  ]),
  'import:bundle': z.tuple([text]),
  'import:har-profile': z.tuple([text, z.boolean()]),
  'catalog:list': z.tuple([]),
  'sandbox:status': z.tuple([]),
  'sandbox:start': z.tuple([]),
  'sandbox:stop': z.tuple([]),
} satisfies Record<InvokeChannel, z.ZodType>;

/** Every request channel, for allow-lists. */
export const INVOKE_CHANNELS = Object.keys(INVOKE_ARG_SCHEMAS) as InvokeChannel[];
