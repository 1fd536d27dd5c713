import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The project's own ESLint config, with only the import rule that draws the layers, and no
 * type information (that rule needs none): each probe is linted as if it were a file at the
 * given path, without writing anything into the tree.
 */
const eslint = new ESLint({
  cwd: ROOT,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });

  return (result?.messages ?? []).map((message) => message.message);
}

describe('the layer rules of eslint.config.js', () => {
  it.each([
    ['electron/core/probe.ts', "import { app } from 'electron';", 'electron/core is pure'],
    ['electron/sandbox/probe.ts', "import { app } from 'electron';", 'only electron/main'],
    ['electron/core/probe.ts', "import { x } from '../host/backend';", 'electron/core is pure'],
    ['electron/core/probe.ts', "import { x } from '../sandbox';", 'electron/core is pure'],
    ['electron/contract/probe.ts', "import { x } from 'node:fs';", 'electron/contract imports'],
    ['electron/contract/probe.ts', "import { x } from '../core/logger';", 'electron/contract'],
    ['electron/host/probe.ts', "import { x } from '../main/window';", 'only electron/main'],
    [
      'renderer/src/lib/probe.ts',
      "import { x } from '../../../electron/core/logger';",
      'the renderer imports only',
    ],
    ['renderer/src/lib/probe.ts', "import { x } from 'node:path';", 'the renderer imports only'],
  ])('refuses %s importing %s', async (filePath, code, message) => {
    const errors = await layerErrors(filePath, `${code}\nexport const y = x;\n`);

    expect(errors.join('\n')).toContain(message);
  });

  it.each([
    ['electron/core/probe.ts', "import { x } from '../contract';"],
    ['electron/core/probe.ts', "import { x } from 'node:http';"],
    ['electron/host/probe.ts', "import { x } from '../core/run-engine';"],
    ['electron/main/probe.ts', "import { app } from 'electron';"],
    ['renderer/src/lib/probe.ts', "import { x } from './contract';"],
  ])('lets %s import %s', async (filePath, code) => {
    expect(await layerErrors(filePath, `${code}\nexport const y = x;\n`)).toEqual([]);
  });
});
