import type { z } from 'zod';

/**
 * A predicate compiled from a zod schema: `true` only when zod would accept the value and hand
 * back a value deep-equal to it (no unknown key to strip, no default to fill, no transform).
 * `false` means "ask zod": the value may be invalid, or valid but reshaped by parsing.
 */
export type FastCheck = (value: unknown) => boolean;

// The zod 4 internals read here: every schema has `_zod.def` with a `type`, and checks carry
// their own `_zod.def.check`. Anything else is not compiled and always answers "ask zod".
// A check's `when` (zod runs length checks only on values that have a length) is ignored: it
// can only make zod skip a check, so checking always is as strict as zod or stricter.
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  innerType?: Schema;
  options?: Schema[];
  discriminator?: string;
  inclusive?: boolean;
  values?: unknown[];
  entries?: Record<string, unknown>;
}
interface CheckDef {
  check: string;
  maximum?: number;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Schema {
  _zod: { def: Def; optin?: string; optout?: string };
}

const never: FastCheck = () => false;
const always: FastCheck = () => true;

/**
 * Compiles a zod schema into a {@link FastCheck}. Used on import so that the well-formed events
 * of a large bundle are checked by plain code; any event it does not pass goes through zod,
 * which stays the one authority on what is valid and on the error message.
 */
export function compileFastCheck(schema: z.ZodType): FastCheck {
  return compile(schema);
}

function compile(schema: Schema): FastCheck {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return stringType(def);
    case 'number':
      return numberType(def);
    case 'boolean':
      return plain(def, (value) => typeof value === 'boolean');
    case 'unknown':
      return plain(def, always);
    case 'literal':
      return literal(def.values);
    case 'enum':
      return literal(def.entries === undefined ? undefined : Object.values(def.entries));
    case 'nullable':
      return wrap(def.innerType, (inner) => (value) => value === null || inner(value));
    case 'optional':
      return wrap(def.innerType, (inner) => (value) => value === undefined || inner(value));
    case 'default':
      // A default only fills a missing value; a present one is the inner schema's to check.
      return wrap(def.innerType, (inner) => (value) => value !== undefined && inner(value));
    case 'array':
      return array(def);
    case 'record':
      return record(def);
    case 'object':
      return object(def);
    case 'union':
      return union(def);
    default:
      // `pipe`, `transform`, `prefault` and the rest reshape or may reshape: zod decides.
      return never;
  }
}

function stringType(def: Def): FastCheck {
  let max = Infinity;
  let min = 0;
  const patterns: RegExp[] = [];
  for (const check of def.checks ?? []) {
    const { check: kind, maximum, minimum, format, pattern } = check._zod.def;
    if (kind === 'max_length' && maximum !== undefined) max = Math.min(max, maximum);
    else if (kind === 'min_length' && minimum !== undefined) min = Math.max(min, minimum);
    else if (kind === 'string_format' && format === 'regex' && pattern instanceof RegExp) {
      // A copy without `g` or `y`, so `lastIndex` never carries from one value to the next.
      patterns.push(new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
    } else return never;
  }
  if (patterns.length === 0) {
    return (value) => typeof value === 'string' && value.length <= max && value.length >= min;
  }

  return (value) =>
    typeof value === 'string' &&
    value.length <= max &&
    value.length >= min &&
    patterns.every((pattern) => pattern.test(value));
}

function numberType(def: Def): FastCheck {
  let safeInt = false;
  let low = -Infinity;
  let lowIncluded = true;
  let high = Infinity;
  let highIncluded = true;
  for (const check of def.checks ?? []) {
    const { check: kind, format, value: bound, inclusive } = check._zod.def;
    if (kind === 'number_format' && format === 'safeint') safeInt = true;
    else if (kind === 'greater_than' && bound !== undefined && bound >= low) {
      low = bound;
      lowIncluded = inclusive === true;
    } else if (kind === 'less_than' && bound !== undefined && bound <= high) {
      high = bound;
      highIncluded = inclusive === true;
    } else return never;
  }

  return (value) =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!safeInt || Number.isSafeInteger(value)) &&
    (lowIncluded ? value >= low : value > low) &&
    (highIncluded ? value <= high : value < high);
}

function plain(def: Def, base: FastCheck): FastCheck {
  return (def.checks ?? []).length === 0 ? base : never;
}

function literal(values: unknown[] | undefined): FastCheck {
  if (values === undefined) return never;
  const [only] = values;
  if (values.length === 1) return (value) => value === only;
  const allowed = new Set(values);

  return (value) => allowed.has(value);
}

function wrap(inner: Schema | undefined, build: (inner: FastCheck) => FastCheck): FastCheck {
  return inner === undefined ? never : build(compile(inner));
}

function array(def: Def): FastCheck {
  if (def.element === undefined) return never;
  const element = compile(def.element);
  let max = Infinity;
  let min = 0;
  for (const check of def.checks ?? []) {
    const checkDef = check._zod.def;
    if (checkDef.check === 'max_length' && checkDef.maximum !== undefined) max = checkDef.maximum;
    else if (checkDef.check === 'min_length' && checkDef.minimum !== undefined) {
      min = checkDef.minimum;
    } else return never;
  }

  return (value) => {
    if (!Array.isArray(value) || value.length > max || value.length < min) return false;
    for (let index = 0; index < value.length; index += 1) {
      if (!element(value[index])) return false;
    }

    return true;
  };
}

function record(def: Def): FastCheck {
  if (def.keyType === undefined || def.valueType === undefined) return never;
  if (def.keyType._zod.def.type !== 'string' || (def.checks ?? []).length > 0) return never;
  const key = compile(def.keyType);
  const item = compile(def.valueType);

  return (value) => {
    if (!isPlainObject(value)) return false;
    for (const name of Object.keys(value)) {
      if (!key(name) || !item(value[name])) return false;
    }

    return true;
  };
}

function object(def: Def): FastCheck {
  if (def.shape === undefined || (def.checks ?? []).length > 0) return never;
  // zod 4 keeps `catchall` on the def for passthrough/strict objects: those are not compiled.
  if ((def as { catchall?: unknown }).catchall !== undefined) return never;
  // A name every object inherits (`constructor`, …) counts as present to zod: not compiled.
  if (Object.keys(def.shape).some((name) => name in Object.prototype)) return never;
  const fields = Object.entries(def.shape).map(([name, schema]) => ({
    name,
    check: compile(schema),
    // zod lets a key be absent, adding nothing in its place, only for an optional schema
    // (not one with a default, which would fill the value in).
    mayBeAbsent: schema._zod.optin === 'optional' && schema._zod.optout === 'optional',
  }));

  return (value) => {
    if (!isPlainObject(value)) return false;
    let present = 0;
    for (const field of fields) {
      const item = value[field.name];
      // JSON has no `undefined`: an `undefined` here is an absent key.
      if (item === undefined) {
        if (!field.mayBeAbsent) return false;
        continue;
      }
      present += 1;
      if (!field.check(item)) return false;
    }

    // A key the shape does not name is dropped by zod, so the parsed value would differ.
    return Object.keys(value).length === present;
  };
}

function union(def: Def): FastCheck {
  const options = def.options;
  if (options === undefined || options.length === 0) return never;
  const discriminator = def.discriminator;
  // Options told apart by distinct tags can match at most one at a time, so the union being
  // exclusive (zod marks discriminated unions so) changes nothing here.
  if (discriminator !== undefined) {
    const byValue = new Map<unknown, FastCheck>();
    for (const option of options) {
      const tag = option._zod.def.shape?.[discriminator]?._zod.def;
      if (tag?.type !== 'literal' || tag.values === undefined) return never;
      const check = compile(option);
      for (const tagValue of tag.values) {
        if (byValue.has(tagValue)) return never;
        byValue.set(tagValue, check);
      }
    }

    return (value) => {
      if (!isPlainObject(value)) return false;
      const check = byValue.get(value[discriminator]);

      return check !== undefined && check(value);
    };
  }
  // An exclusive union (`z.xor`) needs exactly one option to match: zod decides.
  if (def.inclusive === false) return never;
  const checks = options.map(compile);

  return (value) => checks.some((check) => check(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);

  return proto === Object.prototype || proto === null;
}
