import { createHmac, randomBytes } from 'node:crypto';

import type { RedactionMode } from '../../contract';

/**
 * The text the UI and the CLI show, and ask the user to confirm, before an export that
 * includes sensitive values.
 */
export const INCLUDE_SENSITIVE_WARNING =
  'This export will contain the credentials string and the room and user tokens of this run ' +
  'in plain text. Anyone who gets the file can join the room until the credentials expire. ' +
  'Share it only over a channel you trust, and prefer the redacted export. (The app secret ' +
  'itself is never exported.)';

/** The note written into an `include` export when some markers could not be revealed. */
export const UNREVEALED_NOTE =
  'Some sensitive values were no longer available (the run was imported or the app restarted ' +
  'since it ran), so they stay redacted in this export.';

// A marker, with or without its hash. A local copy of the contract's pattern keeps the global
// regex state of that shared object out of our loops.
const MARKER = /\[REDACTED:([a-zA-Z]+)(?:#([0-9a-f]{8}))?\]/g;
const WHOLE_MARKER = /^\[REDACTED:[a-zA-Z]+(?:#[0-9a-f]{8})?\]$/;
// `cred=` in a URL or a query string: the value is a marker or runs to the next separator.
const CRED_PARAM = /([?&;]cred=)(\[REDACTED:[a-zA-Z]+(?:#[0-9a-f]{8})?\]|[^&#\s"'<>]*)/gi;
// Object keys whose string values are sensitive whatever they hold.
const SENSITIVE_KEYS: Record<string, string> = {
  secret: 'secret',
  credentials: 'credentials',
  cred: 'credentials',
  roomcred: 'roomCred',
  usercred: 'userCred',
  token: 'token',
  password: 'secret',
};
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);
const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization']);
const MAX_DEPTH = 64;

/**
 * Applies one export's redaction rules. One instance serves one export, so `hash` mode can
 * give a raw value that slipped past the engine the same marker everywhere in that file.
 */
export class ExportRedaction {
  readonly mode: RedactionMode;
  readonly #reveal: Map<string, string>;
  readonly #salt = randomBytes(32);
  #unrevealed = 0;

  constructor(mode: RedactionMode, reveal: Map<string, string> | undefined) {
    this.mode = mode;
    this.#reveal = new Map<string, string>();
    if (mode !== 'include' || reveal === undefined) return;
    for (const [marker, value] of reveal) this.#reveal.set(marker, value);
  }

  /** Whether an `include` export met markers it could not turn back into values. */
  get hasUnrevealed(): boolean {
    return this.#unrevealed > 0;
  }

  /**
   * Defence in depth: replaces `cred=` query values, cookie and authorization header values and
   * values under sensitive keys that are not already markers. Markers are left for
   * {@link ExportRedaction.finishText}.
   */
  scrubValue<T>(value: T): T {
    return this.#scrub(value, null, 0) as T;
  }

  /** Scrubs the `cred=` values of one string. */
  scrubText(text: string): string {
    return text.replace(CRED_PARAM, (_match, prefix: string, raw: string) =>
      WHOLE_MARKER.test(raw) || raw === ''
        ? `${prefix}${raw}`
        : `${prefix}${this.#mark('credentials', raw)}`,
    );
  }

  /** Scrubs one header value by the header's name. */
  scrubHeader(name: string, value: string): string {
    const lower = name.toLowerCase();
    if (COOKIE_HEADERS.has(lower)) return this.#scrubCookie(value, lower === 'set-cookie');
    if (AUTH_HEADERS.has(lower)) {
      if (WHOLE_MARKER.test(value.trim())) return value;
      const space = value.indexOf(' ');
      const scheme = space > 0 ? value.slice(0, space) : '';
      const rest = space > 0 ? value.slice(space + 1).trim() : value;

      return WHOLE_MARKER.test(rest)
        ? value
        : `${scheme === '' ? '' : `${scheme} `}${this.#mark('token', rest)}`;
    }

    return this.scrubText(value);
  }

  /** Turns markers into the form the mode asks for; used on every string of the output. */
  finishText(text: string): string {
    if (!text.includes('[REDACTED:')) return text;

    return text.replace(MARKER, (marker: string, kind: string, hash: string | undefined) => {
      switch (this.mode) {
        case 'redact':
          return `[REDACTED:${kind}]`;
        case 'hash':
          return marker;
        case 'include': {
          // The app secret outlives any run (credentials expire, the secret does not), so no
          // export ever carries it, whatever the mode.
          if (kind === 'secret') return `[REDACTED:${kind}]`;
          const raw = hash === undefined ? undefined : this.#reveal.get(marker);
          if (raw !== undefined) return raw;
          this.#unrevealed += 1;

          return hash === undefined ? marker : `[REDACTED:${kind}]`;
        }
      }
    });
  }

  /** Applies {@link ExportRedaction.finishText} to every string of a JSON-like value, keys too. */
  finishValue<T>(value: T): T {
    return this.#mapStrings(value, 0, (text) => this.finishText(text)) as T;
  }

  #scrub(value: unknown, key: string | null, depth: number): unknown {
    if (typeof value === 'string') {
      const kind = key === null ? undefined : SENSITIVE_KEYS[key.toLowerCase()];
      if (kind !== undefined && value !== '' && !onlyMarkers(value)) return this.#mark(kind, value);

      return this.scrubText(value);
    }
    if (value === null || typeof value !== 'object') return value;
    // Deeper than any event goes: flattened to text, so nothing escapes the scrub unread.
    if (depth > MAX_DEPTH) return this.scrubText(flatten(value));
    if (Array.isArray(value)) return value.map((item) => this.#scrub(item, null, depth + 1));

    const headersLike = key !== null && /headers$/i.test(key);
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      setOwn(
        out,
        name,
        headersLike && typeof item === 'string'
          ? this.scrubHeader(name, item)
          : this.#scrub(item, name, depth + 1),
      );
    }

    return out;
  }

  #scrubCookie(value: string, isSetCookie: boolean): string {
    const parts = value.split(';');
    const scrubbed = parts.map((part, index) => {
      // Set-Cookie attributes (Path, Expires, …) after the first pair say nothing secret.
      if (isSetCookie && index > 0) return part;
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      const raw = part.slice(eq + 1).trim();
      if (raw === '' || WHOLE_MARKER.test(raw)) return part;

      return `${part.slice(0, eq + 1)}${this.#mark('cookie', raw)}`;
    });

    return scrubbed.join(';');
  }

  #mark(kind: string, raw: string): string {
    if (this.mode !== 'hash') return `[REDACTED:${kind}]`;
    const hash = createHmac('sha256', this.#salt).update(raw).digest('hex').slice(0, 8);

    return `[REDACTED:${kind}#${hash}]`;
  }

  #mapStrings(value: unknown, depth: number, map: (text: string) => string): unknown {
    if (typeof value === 'string') return map(value);
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.#mapStrings(item, depth + 1, map));

    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      setOwn(out, map(name), this.#mapStrings(item, depth + 1, map));
    }

    return out;
  }
}

/** Sets a property as data, so a key such as `__proto__` can never change a prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function flatten(value: object): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '[unreadable]';
  }
}

function onlyMarkers(value: string): boolean {
  return value.replace(MARKER, '').trim() === '';
}
