// Generates a large, realistic OpenAPI document (back-office resources × the usual verbs) to test
// tool selection at the scale of a 1,000-operation integration.
import { readFileSync } from 'node:fs';

// Back-office resources, one a line: path segment | singular noun | what the resource is.
const RESOURCES = readFileSync(new URL('../__fixtures__/back-office-resources.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n');

// method, path suffix, operationId, summary, description, inputs; {plural}, {singular}, {about}
// and their Pascal-case forms are filled per resource.
const VERBS = [
  [
    'get',
    '',
    'list{Plural}',
    'List {plural}',
    'Returns a page of {plural} ({about}), newest first.',
    'filters',
  ],
  ['get', '/{id}', 'get{Singular}', 'Get a {singular}', 'Returns one {singular} ({about}) by its ID.', 'id'],
  ['post', '', 'create{Singular}', 'Create a {singular}', 'Creates a new {singular}: {about}.', 'body'],
  [
    'patch',
    '/{id}',
    'update{Singular}',
    'Update a {singular}',
    'Changes fields of an existing {singular}.',
    'id body',
  ],
  ['delete', '/{id}', 'delete{Singular}', 'Delete a {singular}', 'Permanently removes a {singular}.', 'id'],
  ['get', '/search', 'search{Plural}', 'Search {plural}', 'Full-text search over {plural} by keyword.', 'q'],
  [
    'post',
    '/{id}/archive',
    'archive{Singular}',
    'Archive a {singular}',
    'Hides a {singular} from lists.',
    'id',
  ],
  [
    'post',
    '/{id}/restore',
    'restore{Singular}',
    'Restore a {singular}',
    'Brings back an archived {singular}.',
    'id',
  ],
  ['post', '/exports', 'export{Plural}', 'Export {plural}', 'Starts a CSV export of all {plural}.', ''],
  [
    'get',
    '/count',
    'count{Plural}',
    'Count {plural}',
    'Returns how many {plural} match the filters.',
    'filters',
  ],
];

function camel(words: string): string {
  return words.replace(/[- ](\w)/g, (_, letter: string) => letter.toUpperCase());
}

function pascal(words: string): string {
  const name = camel(words);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function inputsOf(kinds: string, singular: string, idName: string): Record<string, unknown> {
  const parameters: unknown[] = [];
  const operation: Record<string, unknown> = { parameters };
  const string = { type: 'string' };
  if (kinds.includes('id'))
    parameters.push({
      name: idName,
      in: 'path',
      required: true,
      description: `The ${singular}'s ID.`,
      schema: string,
    });
  if (kinds.includes('filters')) {
    parameters.push({ name: 'status', in: 'query', description: 'Only this status.', schema: string });
    parameters.push({ name: 'limit', in: 'query', description: 'Page size.', schema: { type: 'integer' } });
  }
  if (kinds.includes('q'))
    parameters.push({
      name: 'q',
      in: 'query',
      description: `Words to look for in the ${singular}.`,
      schema: string,
    });
  if (kinds.includes('body')) {
    const properties = {
      name: { type: 'string', description: `Name of the ${singular}.` },
      status: { type: 'string', enum: ['active', 'inactive'] },
      notes: { type: 'string' },
    };
    operation.requestBody = {
      required: true,
      content: { 'application/json': { schema: { type: 'object', properties } } },
    };
  }
  return operation;
}

/** An OpenAPI 3.0 document with 100 resources × 10 verbs (1,000 operations), plus `extraPaths` merged in. */
export function generateCatalogDocument(extraPaths: Record<string, unknown> = {}): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const line of RESOURCES) {
    const [plural, singular, about] = line.split('|');
    const fill = (template: string) =>
      template
        .replace('{Plural}', pascal(plural))
        .replace('{Singular}', pascal(singular))
        .replace('{plural}', plural.replace(/-/g, ' '))
        .replace('a {singular}', `${/^[aeiou]/.test(singular) ? 'an' : 'a'} ${singular}`)
        .replace('{singular}', singular)
        .replace('{about}', about);
    const idName = `${camel(singular)}Id`;
    for (const [method, suffix, operationId, summary, description, inputs] of VERBS) {
      const path = `/${plural}${suffix.replace('{id}', `{${idName}}`)}`;
      const operation = {
        operationId: fill(operationId),
        summary: fill(summary),
        description: fill(description),
        tags: [plural],
        ...inputsOf(inputs, singular, idName),
        responses: { '200': { description: 'OK' } },
      };
      paths[path] = { ...paths[path], [method]: operation };
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Back office', version: '1.0.0' },
    paths: { ...paths, ...extraPaths },
  };
}
