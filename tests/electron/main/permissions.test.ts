import { describe, expect, it } from 'vitest';

import { denyAllPermissions, type PermissionSession } from '../../../electron/main/permissions';

type RequestHandler = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<PermissionSession['setPermissionCheckHandler']>[0];

describe('denyAllPermissions()', () => {
  it('answers every permission request and check with a refusal', () => {
    const hooks: { request?: RequestHandler; check?: CheckHandler } = {};
    const session: PermissionSession = {
      setPermissionRequestHandler: (handler) => {
        hooks.request = handler;
      },
      setPermissionCheckHandler: (handler) => {
        hooks.check = handler;
      },
    };

    denyAllPermissions(session);

    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read'] as const) {
      const contents = Object.create(null) as Electron.WebContents;
      hooks.request?.(contents, permission, (granted) => answers.push(granted), {
        requestingUrl: 'http://127.0.0.1/',
        isMainFrame: true,
      });
    }
    expect(answers).toEqual([false, false, false, false]);
    const details = { isMainFrame: true, requestingUrl: 'http://127.0.0.1/' };
    expect(hooks.check?.(null, 'media', 'http://127.0.0.1', details)).toBe(false);
  });
});
