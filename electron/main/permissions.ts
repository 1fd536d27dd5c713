import type { Session } from 'electron';

import { createLogger } from '../core/logger';

const log = createLogger('diag:permissions');

/** The two session hooks that decide web permissions. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
>;

/**
 * Refuses every permission a page asks for (camera, microphone, notifications, geolocation,
 * …). The app performs handshakes from the main process; its page needs none of them, so a
 * compromised page gets nothing either.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
