// What a re-import changed: tools added, removed, and changed (in words a business owner reads).

import { isDeepEqual } from './is-deep-equal.js';
import { isRecord } from './is-record.js';
import type { JsonSchema, ToolDefinition } from './tool-definition.js';

/** The difference between two versions of a catalog, tools matched by name. */
export interface CatalogDiff {
  /** Names of tools only in the new version. */
  added: string[];
  /** Names of tools only in the previous version. */
  removed: string[];
  /** Tools in both whose method, path, description, input or callability differ. */
  changed: { name: string; changes: string[] }[];
  /** How many tools are in both and unchanged. */
  unchanged: number;
}

/** Compares two catalogs: method, path, description, input schema (parameter by parameter) and callability. */
export function diffCatalogs(previous: ToolDefinition[], next: ToolDefinition[]): CatalogDiff {
  const before = new Map(previous.map((tool) => [tool.name, tool]));
  const after = new Map(next.map((tool) => [tool.name, tool]));
  const diff: CatalogDiff = {
    added: next.filter((tool) => !before.has(tool.name)).map((tool) => tool.name),
    removed: previous.filter((tool) => !after.has(tool.name)).map((tool) => tool.name),
    changed: [],
    unchanged: 0,
  };
  for (const tool of next) {
    const old = before.get(tool.name);
    if (!old) continue;
    const changes = describeChanges(old, tool);
    if (changes.length > 0) diff.changed.push({ name: tool.name, changes });
    else diff.unchanged++;
  }
  return diff;
}

function describeChanges(old: ToolDefinition, tool: ToolDefinition): string[] {
  const changes: string[] = [];
  if (old.method !== tool.method)
    changes.push(`method changed from ${old.method.toUpperCase()} to ${tool.method.toUpperCase()}`);
  if (old.path !== tool.path) changes.push(`path changed from ${old.path} to ${tool.path}`);
  if (old.description !== tool.description) changes.push('description changed');
  changes.push(...describeInputChanges(old.inputSchema, tool.inputSchema));
  if (old.callable && !tool.callable) changes.push(`can no longer be called: ${tool.uncallableReason}`);
  if (!old.callable && tool.callable) changes.push('can be called now');
  return changes;
}

function describeInputChanges(old: JsonSchema, next: JsonSchema): string[] {
  if (isDeepEqual(old, next)) return [];
  const oldProperties = isRecord(old.properties) ? old.properties : {};
  const newProperties = isRecord(next.properties) ? next.properties : {};
  const oldRequired = new Set(Array.isArray(old.required) ? old.required : []);
  const newRequired = new Set(Array.isArray(next.required) ? next.required : []);
  const changes: string[] = [];
  for (const name of Object.keys(newProperties)) {
    if (!Object.hasOwn(oldProperties, name)) {
      changes.push(`new ${newRequired.has(name) ? 'required' : 'optional'} parameter '${name}'`);
      continue;
    }
    if (newRequired.has(name) && !oldRequired.has(name)) changes.push(`parameter '${name}' is now required`);
    if (!newRequired.has(name) && oldRequired.has(name)) changes.push(`parameter '${name}' is now optional`);
    const oldType = typeOf(oldProperties[name]);
    const newType = typeOf(newProperties[name]);
    if (oldType !== newType) changes.push(`parameter '${name}' changed type from ${oldType} to ${newType}`);
    else if (!isDeepEqual(oldProperties[name], newProperties[name]))
      changes.push(`parameter '${name}' changed`);
  }
  for (const name of Object.keys(oldProperties)) {
    if (!Object.hasOwn(newProperties, name)) changes.push(`parameter '${name}' removed`);
  }
  return changes.length > 0 ? changes : ['input schema changed'];
}

function typeOf(schema: unknown): string {
  if (!isRecord(schema)) return 'any';
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  return typeof schema.type === 'string' ? schema.type : 'any';
}
