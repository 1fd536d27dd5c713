/** How deep imported JSON may nest; a run's events are a handful of levels deep. */
export const MAX_JSON_DEPTH = 48;

/**
 * Checks parsed JSON before a schema walks it: nesting beyond {@link MAX_JSON_DEPTH} would
 * exhaust the stack of any recursive reader, and a `__proto__` key is never data we wrote.
 * Iterative on purpose, so the check itself cannot overflow. Returns the problem, or `null`.
 */
export function checkJsonShape(root: unknown, maxDepth = MAX_JSON_DEPTH): string | null {
  return findJsonShapeProblem(root, maxDepth)?.message ?? null;
}

/** Like {@link checkJsonShape}, with the path of the problem as a field name for errors. */
export function findJsonShapeProblem(
  root: unknown,
  maxDepth = MAX_JSON_DEPTH,
): { message: string; field: string } | null {
  // The common case, a sound file, is answered without building a path per value; only a file
  // with a problem is walked again to name where it is.
  return hasShapeProblem(root, maxDepth) ? describeShapeProblem(root, maxDepth) : null;
}

function hasShapeProblem(root: unknown, maxDepth: number): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() ?? 0;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return true;
    if (Array.isArray(value)) {
      for (const child of value as unknown[]) {
        if (child !== null && typeof child === 'object') {
          values.push(child);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    if (Object.hasOwn(value, '__proto__')) return true;
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }

  return false;
}

function describeShapeProblem(
  root: unknown,
  maxDepth: number,
): { message: string; field: string } | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { value, path } = item;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxDepth) {
      const at = formatPath(path);

      return {
        message: `Expected at most ${maxDepth} levels of nesting, got more at \`${at}\``,
        field: at,
      };
    }
    if (Array.isArray(value)) {
      value.forEach((child, index) => stack.push({ value: child, path: [...path, index] }));
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === '__proto__') {
        const at = formatPath(path);

        return { message: `Unexpected key \`__proto__\` at \`${at}\``, field: at };
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }

  return null;
}

/** A field path as people read it: `events[3].error.code`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }

  return out === '' ? '(top level)' : out;
}

/** The value at a path, or `undefined` where the path leaves the data. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }

  return current;
}

/** A short description of a value for an error message: its type, and the value if short. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return '`null`';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    if (value === '') return 'an empty string';

    return value.length > 60
      ? `a string of ${value.length} characters`
      : `\`${JSON.stringify(value)}\``;
  }

  if (typeof value === 'number' || typeof value === 'boolean') return `\`${String(value)}\``;

  return `a ${typeof value}`;
}
