import type { AuthMode } from './profile';

/** The families of codes the catalog explains. */
export type CatalogKind = 'readyState' | 'systemAction' | 'socketError' | 'engine';

/**
 * One explained code. The key is `<kind>:<code>`: `readyState:4005`, `systemAction:expired`,
 * `socketError:-3`, `engine:dns.failed`.
 */
export interface CatalogEntry {
  key: string;
  kind: CatalogKind;
  /** The SDK constant's name, or the engine code. */
  name: string;
  /** The numeric code, where there is one. */
  number: number | null;
  /** The wire value of a `systemAction` reason or an engine code. */
  value: string | null;
  /** One sentence a support engineer can read aloud. */
  meaning: string;
  /** Likely causes, most likely first. */
  causes: string[];
  /** What to look at to tell the causes apart. */
  checks: string[];
  /** How to make it go away. */
  fixes: string[];
  /** Which auth modes it concerns. */
  authModes: AuthMode[];
  /** Defined only by older SDKs. */
  legacy: boolean;
  /** How the SDK flavours differ in reporting it, where they do. */
  sdkNotes: string | null;
}
