import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { profileFromHar } from '../../../../electron/core/export';

const HAR = readFileSync(
  join(import.meta.dirname, '../../../fixtures/har/credentials-0.6.har'),
  'utf8',
);

describe('profileFromHar() with broken input', () => {
  it('never throws over truncated and altered HARs', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;

      return seed / 2 ** 31;
    };
    const replacements = ['null', '1e400', '[]', '{}', '"x"', '-1', '{"__proto__": 1}'];
    let failures = 0;
    for (let index = 0; index < 200; index += 1) {
      const at = Math.floor(next() * HAR.length);
      const text =
        index % 2 === 0
          ? HAR.slice(0, at)
          : HAR.replace(
              /"(url|headers|value|name|request|entries)": ("[^"]*"|\[)/,
              (_match, key: string) => {
                const value = replacements[index % replacements.length] ?? 'null';
                const extra = key === 'headers' || key === 'entries' ? ', "_x": [' : '';
                return `"${key}": ${value}${extra}`;
              },
            );
      const result = profileFromHar(text, true);
      if (!result.ok) {
        failures += 1;
        expect(result.error.code).toBe('import.invalid');
        expect(result.error.message.length).toBeGreaterThan(10);
      }
    }

    expect(failures).toBeGreaterThan(100);
  });
});
