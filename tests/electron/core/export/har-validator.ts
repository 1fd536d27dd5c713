import { createRequire } from 'node:module';
import { isIPv4, isIPv6 } from 'node:net';

import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * A validator for the HAR 1.2 JSON schema of the `har-schema` package. Its schemas are
 * draft-06 and use a few keywords of their own (`optional`, `min`), so strict mode is off;
 * the three formats they name are checked here rather than through a transitive package.
 */
export function harValidator(): ValidateFunction {
  const schemas = require('har-schema') as Record<string, Record<string, unknown>>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>);
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  ajv.addFormat('ipv4', (value: string) => isIPv4(value));
  ajv.addFormat('ipv6', (value: string) => isIPv6(value));
  // Chrome DevTools reads every entry's URL with the WHATWG parser, so that is the check.
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  for (const [name, schema] of Object.entries(schemas)) {
    if (name !== 'har') ajv.addSchema(schema);
  }

  return ajv.compile(schemas.har ?? {});
}
