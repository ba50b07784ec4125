import { readFileSync } from 'node:fs';
import { validate } from 'graphql';
import { expect, it } from 'vitest';
import { IMPORT_JOB, ON_IMPORT_PROGRESS, START_IMPORT } from '../../../../cli/import/importOperations';
import { buildApiSchema } from '../../../../local/appsync/schema/buildSchema';

const schema = buildApiSchema(readFileSync(new URL('../../../../schema.graphql', import.meta.url), 'utf8'));

it.each([
  ['startImport', START_IMPORT],
  ['importJob', IMPORT_JOB],
  ['onImportProgress', ON_IMPORT_PROGRESS],
])('sends a %s document that is valid against schema.graphql', (_, document) => {
  expect(validate(schema, document)).toEqual([]);
});
