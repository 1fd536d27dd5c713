import { DiagnosticError } from '../core/diagnostic-error';

/**
 * Reads typed fields out of untrusted JSON. Every failure throws a DiagnosticError naming
 * the full field path (`apps[0].secret`), what was expected and what came.
 */
export type JsonObject = Record<string, unknown>;

/** Joins a parent path and a key the way the messages print them. */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;

  return parent === '' ? key : `${parent}.${key}`;
}

/** The value as an object, or a named error. */
export function asObject(value: unknown, path: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw DiagnosticError.invalidInput(path || 'scenario', 'to be an object', value);
  }

  return value as JsonObject;
}

/** Rejects keys the schema does not know, so a typo never silently becomes a default. */
export function rejectUnknownKeys(object: JsonObject, known: readonly string[], path: string) {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      const name = fieldPath(path, key);
      throw new DiagnosticError(
        'input.invalid',
        `Unknown field \`${name}\`; expected one of ${known.join(', ')}`,
        { field: name },
      );
    }
  }
}

/** An optional field: `undefined` when absent. */
function field(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A non-empty string field. */
export function readString(object: JsonObject, key: string, path: string, fallback?: string) {
  const value = field(object, key);
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || value === '') {
    throw DiagnosticError.invalidInput(fieldPath(path, key), 'to be a non-empty string', value);
  }

  return value;
}

/** A string field that may be `null` (meaning "any"). */
export function readNullableString(object: JsonObject, key: string, path: string) {
  const value = field(object, key);
  if (value === undefined || value === null) return null;

  return readString(object, key, path);
}

/** A boolean field. */
export function readBoolean(object: JsonObject, key: string, path: string, fallback: boolean) {
  const value = field(object, key);
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw DiagnosticError.invalidInput(fieldPath(path, key), 'to be true or false', value);
  }

  return value;
}

/** A finite number field within limits. */
export function readNumber(
  object: JsonObject,
  key: string,
  path: string,
  options: { fallback?: number; min?: number; max?: number; integer?: boolean },
): number {
  const value = field(object, key);
  if (value === undefined && options.fallback !== undefined) return options.fallback;

  const { min = -Infinity, max = Infinity, integer = false } = options;
  const kind = integer ? 'a whole number' : 'a number';
  const range =
    min === -Infinity && max === Infinity
      ? ''
      : max === Infinity
        ? ` of at least ${min}`
        : ` between ${min} and ${max}`;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  ) {
    throw DiagnosticError.invalidInput(fieldPath(path, key), `to be ${kind}${range}`, value);
  }

  return value;
}

/** A field that must be one of a few literal values. */
export function readChoice<T extends string | number>(
  object: JsonObject,
  key: string,
  path: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = field(object, key);
  if (value === undefined) return fallback;
  if (!choices.includes(value as T)) {
    const list = choices.map((choice) => `\`${String(choice)}\``).join(', ');
    throw DiagnosticError.invalidInput(fieldPath(path, key), `to be one of ${list}`, value);
  }

  return value as T;
}

/** An array field whose items are read one by one with their index in the path. */
export function readArray<T>(
  object: JsonObject,
  key: string,
  path: string,
  readItem: (item: unknown, itemPath: string) => T,
  fallback: T[] = [],
): T[] {
  const value = field(object, key);
  if (value === undefined) return fallback;
  const arrayPath = fieldPath(path, key);
  if (!Array.isArray(value)) {
    throw DiagnosticError.invalidInput(arrayPath, 'to be an array', value);
  }

  return value.map((item, index) => readItem(item, fieldPath(arrayPath, index)));
}

/** A non-empty string array item. */
export function stringItem(item: unknown, path: string): string {
  if (typeof item !== 'string' || item === '') {
    throw DiagnosticError.invalidInput(path, 'to be a non-empty string', item);
  }

  return item;
}

/** An optional nested object (absent = empty). */
export function readObject(object: JsonObject, key: string, path: string): JsonObject {
  const value = field(object, key);
  if (value === undefined) return {};

  return asObject(value, fieldPath(path, key));
}
