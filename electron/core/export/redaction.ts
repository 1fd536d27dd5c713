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
const HASHED_MARKER = /\[REDACTED:([a-zA-Z]+)#[0-9a-f]{8}\]/g;
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
// A cheap first test: only a string that passes it is run through CRED_PARAM.
const CRED_HINT = /[?&;]cred=/i;

interface KeyInfo {
  /** The marker kind of a sensitive key, `undefined` for any other. */
  kind: string | undefined;
  /** Whether the key names a header map (`headers`, `requestHeaders`, …). */
  headers: boolean;
}
const KEY_INFO = new Map<string, KeyInfo>();
const MAX_CACHED_KEYS = 10_000;

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
    return this.#walk(value, null, 0, true, false) as T;
  }

  /**
   * {@link ExportRedaction.scrubValue} then {@link ExportRedaction.finishValue} in one walk:
   * every string is scrubbed, then finished, keys finished too, as the two passes would.
   */
  scrubAndFinishValue<T>(value: T): T {
    return this.#walk(value, null, 0, true, true) as T;
  }

  /** Scrubs the `cred=` values of one string. */
  scrubText(text: string): string {
    // Most strings hold no `=` at all; the full pattern runs only where a `cred=` can be.
    if (!text.includes('=') || !CRED_HINT.test(text)) return text;

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

  /**
   * Applies {@link ExportRedaction.finishText} to the text of a JSON document, for the modes
   * that need nothing but the marker itself (`redact` drops the hash, `hash` keeps it), or
   * `null` for `include`, whose revealed values must be escaped and counted value by value.
   * The same as finishing every string before `JSON.stringify`: marker characters are never
   * escaped and a marker holds no `"` or `\`, so each marker in the text lies whole inside one
   * string, exactly as it was in the value.
   */
  finishJsonText(json: string): string | null {
    switch (this.mode) {
      case 'hash':
        return json;
      case 'redact':
        return json.includes('[REDACTED:') ? json.replace(HASHED_MARKER, '[REDACTED:$1]') : json;
      case 'include':
        return null;
    }
  }

  /** Applies {@link ExportRedaction.finishText} to every string of a JSON-like value, keys too. */
  finishValue<T>(value: T): T {
    return this.#walk(value, null, 0, false, true) as T;
  }

  /*
   * One walk serves the scrub, the finish, or both. It copies on write: a branch in which no
   * string changes is returned as it came, so a 100,000-event run is not rebuilt object by
   * object just to be read by `JSON.stringify`. Objects that are not plain data (a class
   * instance, a getter's host) are always rebuilt, so only own enumerable values reach the
   * output, as before.
   */
  #walk(value: unknown, key: string | null, depth: number, scrub: boolean, finish: boolean) {
    if (typeof value === 'string') {
      let text = value;
      if (scrub) {
        const kind = key === null ? undefined : keyInfo(key).kind;
        text =
          kind !== undefined && text !== '' && !onlyMarkers(text)
            ? this.#mark(kind, text)
            : this.scrubText(text);
      }

      return finish ? this.finishText(text) : text;
    }
    if (value === null || typeof value !== 'object') return value;
    // Deeper than any event goes: flattened to text, so nothing escapes the walk unread.
    if (depth > MAX_DEPTH) {
      const text = flatten(value);

      return finish ? this.finishText(scrub ? this.scrubText(text) : text) : this.scrubText(text);
    }
    if (Array.isArray(value)) return this.#walkArray(value, depth, scrub, finish);

    return this.#walkObject(value as Record<string, unknown>, key, depth, scrub, finish);
  }

  #walkArray(value: unknown[], depth: number, scrub: boolean, finish: boolean): unknown[] {
    let out: unknown[] | null = Object.getPrototypeOf(value) === Array.prototype ? null : [];
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const next = this.#walk(item, null, depth + 1, scrub, finish);
      if (out === null && next !== item) out = value.slice(0, index);
      out?.push(next);
    }

    return out ?? value;
  }

  #walkObject(
    value: Record<string, unknown>,
    key: string | null,
    depth: number,
    scrub: boolean,
    finish: boolean,
  ): Record<string, unknown> {
    const proto: unknown = Object.getPrototypeOf(value);
    let out: Record<string, unknown> | null =
      proto === Object.prototype || proto === null ? null : {};
    const headersLike = scrub && key !== null && keyInfo(key).headers;
    const names = Object.keys(value);
    for (let index = 0; index < names.length; index += 1) {
      const name = names[index] as string;
      const item = value[name];
      let next: unknown;
      if (headersLike && typeof item === 'string') {
        const scrubbed = this.scrubHeader(name, item);
        next = finish ? this.finishText(scrubbed) : scrubbed;
      } else {
        next = this.#walk(item, name, depth + 1, scrub, finish);
      }
      const outName = finish ? this.finishText(name) : name;
      if (out === null && (next !== item || outName !== name)) {
        out = {};
        for (let before = 0; before < index; before += 1) {
          const kept = names[before] as string;
          setField(out, kept, value[kept]);
        }
      }
      if (out !== null) setField(out, outName, next);
    }

    return out ?? value;
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
}

/** What a key says about the values under it; cached, since a run repeats few keys. */
function keyInfo(key: string): KeyInfo {
  const known = KEY_INFO.get(key);
  if (known !== undefined) return known;
  const lower = key.toLowerCase();
  // An own-property test, so `constructor` or `toString` never read as sensitive kinds.
  const kind = Object.hasOwn(SENSITIVE_KEYS, lower) ? SENSITIVE_KEYS[lower] : undefined;
  const info: KeyInfo = { kind, headers: /headers$/i.test(key) };
  // Payload keys are free-form; the cache stays bounded whatever a run holds.
  if (KEY_INFO.size < MAX_CACHED_KEYS) KEY_INFO.set(key, info);

  return info;
}

/** Sets a field; `__proto__` goes through {@link setOwn} so it stays data. */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') setOwn(target, key, value);
  else target[key] = value;
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
