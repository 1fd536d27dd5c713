import type { z } from 'zod';

/**
 * One line naming the first bad field and what was expected, such as
 * ``profiles[2].appKey: Expected an app key``; the prefix locates it inside a larger input.
 */
export function describeZodError(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${prefix || 'input'}: invalid`;

  const path = issue.path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;

    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, prefix);

  return `${path === '' ? 'input' : `\`${path}\``}: ${issue.message}`;
}
