import { createHmac, randomBytes } from 'node:crypto';

import type { SensitiveKind } from '../contract';

/**
 * Knows the sensitive values of a run and replaces them, wherever they appear in a string,
 * with `[REDACTED:<kind>#<hash>]`. Values are registered as soon as they are known (the
 * secret and credentials before the request, tokens before the response is reported), so no
 * event is ever built from an unredacted value.
 */
export class Redactor {
  readonly #salt: Buffer;
  /** Longest first, so a value containing another is replaced whole. */
  #entries: { value: string; marker: string; kind: SensitiveKind }[] = [];
  /** Each marker's value as registered, before any encoded form was derived from it. */
  readonly #originals = new Map<string, string>();

  constructor(salt: Buffer = randomBytes(32)) {
    this.#salt = salt;
  }

  /** Registers a value and its encoded forms (percent-encoded, percent-decoded). */
  register(kind: SensitiveKind, value: string | null | undefined): void {
    if (value === null || value === undefined || value.length < 4) return;

    const marker = this.markerFor(kind, value);
    if (!this.#originals.has(marker)) this.#originals.set(marker, value);
    for (const form of encodedForms(value)) {
      if (this.#entries.some((entry) => entry.value === form)) continue;
      this.#entries.push({ value: form, marker, kind });
    }
    this.#entries.sort((a, b) => b.value.length - a.value.length);
  }

  /** The marker a value gets: the kind and a salted hash that reveals nothing. */
  markerFor(kind: SensitiveKind, value: string): string {
    const hash = createHmac('sha256', this.#salt).update(value).digest('hex').slice(0, 8);

    return `[REDACTED:${kind}#${hash}]`;
  }

  /**
   * The raw values by marker, each as it was registered, for an export that explicitly
   * includes sensitive values.
   */
  revealMap(): Map<string, string> {
    return new Map(this.#originals);
  }

  /** Replaces every registered value in a string. */
  scrubText(text: string): string {
    // Entries are sorted longest first, so the last one is the shortest: a shorter string
    // cannot hold any of them, and most strings of an event (ids, states, numbers) are short.
    const shortest = this.#entries.at(-1);
    if (shortest === undefined || text.length < shortest.value.length) return text;

    let out = text;
    for (const entry of this.#entries) {
      if (out.includes(entry.value)) out = out.split(entry.value).join(entry.marker);
    }

    return out;
  }

  /** Replaces every registered value in every string of a JSON-like value, keys included. */
  scrub<T>(value: T): T {
    return this.#scrubValue(value, 0) as T;
  }

  #scrubValue(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.scrubText(value);
    if (depth > 32 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.#scrubValue(item, depth + 1));

    // A for-in over own keys: every event passes through here, and Object.entries would
    // allocate an array of pairs per object.
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key in source) {
      if (!Object.hasOwn(source, key)) continue;
      out[this.scrubText(key)] = this.#scrubValue(source[key], depth + 1);
    }

    return out;
  }
}

function encodedForms(value: string): string[] {
  const forms = new Set([value]);
  forms.add(encodeURIComponent(value));
  try {
    forms.add(decodeURIComponent(value));
  } catch {
    // Not valid percent-encoding: only the raw form can appear.
  }
  // A `+` left unencoded in a query string arrives as a space.
  for (const form of [...forms]) forms.add(form.replace(/\+/g, ' '));

  return [...forms].filter((form) => form.length >= 4);
}
