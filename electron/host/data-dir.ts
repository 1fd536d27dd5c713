import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name; Electron names the userData folder after it. */
export const PRODUCT_NAME = 'Skylink Diagnostics';

/**
 * The app's data folder, the same one Electron's `app.getPath('userData')` gives, so the CLI,
 * the web host and the app share profiles. `SKYLINK_DIAG_HOME` overrides it (tests, CI).
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.SKYLINK_DIAG_HOME;
  if (override !== undefined && override.trim() !== '') return override;

  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  const configHome = env.XDG_CONFIG_HOME;

  return join(
    configHome !== undefined && configHome !== '' ? configHome : join(home, '.config'),
    PRODUCT_NAME,
  );
}
