import { describe, expectTypeOf, it } from 'vitest';

import type {
  DesktopApi,
  InvokeChannel,
  InvokeMap,
  ProfileEntry,
  Result,
  TimelineEvent,
} from '../../electron/contract';
import type { INVOKE_ARG_SCHEMAS } from '../../electron/contract';
import type { BackendHandlers } from '../../electron/host/backend-types';

describe('IPC contract types', () => {
  it('gives the backend one handler per request channel, typed from InvokeMap', () => {
    expectTypeOf<keyof BackendHandlers>().toEqualTypeOf<InvokeChannel>();
    expectTypeOf<BackendHandlers['run:events-since']>().parameters.toEqualTypeOf<
      [runId: string, afterSeq: number]
    >();
    expectTypeOf<ReturnType<BackendHandlers['profiles:list']>>().resolves.toEqualTypeOf<
      ProfileEntry[]
    >();
  });

  it('has an argument schema for every channel', () => {
    expectTypeOf<keyof typeof INVOKE_ARG_SCHEMAS>().toEqualTypeOf<InvokeChannel>();
  });

  it('keeps DesktopApi in step with the channels it calls', () => {
    expectTypeOf<ReturnType<DesktopApi['runs']['eventsSince']>>().resolves.toEqualTypeOf<
      Result<TimelineEvent[]>
    >();
    expectTypeOf<Parameters<DesktopApi['secrets']['set']>>().toEqualTypeOf<
      InvokeMap['secrets:set']['args']
    >();
  });
});
