// The business owner's lint: operations the agent is unlikely to use well, each with a concrete fix.
import { routeLabel } from './describe-operation.js';
import { describePointer, joinPointer } from './json-pointer.js';
import type { LintCollector } from './lint-finding.js';
import type { ToolDefinition } from './tool-definition.js';

/** How many operations one agent handles well by default (OpenAI accepts at most 128 tools per request). */
export const DEFAULT_MAX_OPERATIONS = 128;

// Words that say nothing about what an operation does or when to use it.
const VAGUE_WORDS = new Set(
  (
    'a an and all any api by call calls create data delete detail details do does endpoint fetch for from get gets ' +
    'in info information it item items list lists method new object objects of on operation patch post put request ' +
    'resource resources response result results retrieve return returns service some stuff the thing things this to ' +
    'update updates with'
  ).split(' '),
);

/** Adds the catalog-level findings for `tools` to `lint`. */
export function lintCatalog(
  tools: ToolDefinition[],
  lint: LintCollector,
  options: { maxOperations?: number } = {},
): void {
  const maxOperations = options.maxOperations ?? DEFAULT_MAX_OPERATIONS;
  if (tools.length > maxOperations) {
    lint.add({
      severity: 'warning',
      code: 'too-many-operations',
      pointer: '/paths',
      message: `paths: ${tools.length} operations are more than one agent handles well (${maxOperations})`,
      fix: 'Switch off the operations this agent does not need, or split them across agents by topic.',
    });
  }
  const idCounts = new Map<string, number>();
  for (const tool of tools) {
    if (tool.operationId !== undefined)
      idCounts.set(tool.operationId, (idCounts.get(tool.operationId) ?? 0) + 1);
  }
  for (const tool of tools) lintTool(tool, lint, idCounts);
}

function lintTool(tool: ToolDefinition, lint: LintCollector, idCounts: Map<string, number>): void {
  const where = describePointer(tool.pointer);
  const add = (
    severity: 'error' | 'warning' | 'info',
    code: string,
    message: string,
    fix: string,
    pointer = tool.pointer,
  ) => lint.add({ severity, code, pointer, tool: tool.name, message: `${where}: ${message}`, fix });
  const route = routeLabel(tool.method, tool.path);

  if (!tool.callable) {
    add(
      'error',
      'uncallable-operation',
      `cannot be called: ${tool.uncallableReason}; the tool is kept but switched off for the agent`,
      /authentication/.test(tool.uncallableReason ?? '')
        ? 'Offer API key, bearer token or basic authentication for this operation, or switch it off.'
        : 'Accept a JSON (application/json) or form-encoded request body as well, or switch the operation off.',
    );
  }
  if (tool.operationId === undefined) {
    add(
      'warning',
      'missing-operation-id',
      `has no operationId; the tool is named '${tool.name}' after its method and path, and is renamed when the path changes`,
      `Add operationId: ${suggestOperationId(tool.name)} (a verb and a noun that say what it does).`,
    );
  } else if ((idCounts.get(tool.operationId) ?? 0) > 1) {
    add(
      'warning',
      'duplicate-operation-id',
      `operationId '${tool.operationId}' is used by ${idCounts.get(tool.operationId)} operations; this one is named '${tool.name}'`,
      'Give every operation its own operationId.',
      joinPointer(tool.pointer, 'operationId'),
    );
  }
  const text = tool.description === route && tool.summary === undefined ? '' : tool.description;
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (text === '') {
    add(
      'warning',
      'missing-description',
      'has no summary or description; the agent will not know when to call it',
      `Add a summary saying what ${route} does and a description saying when to use it, e.g. "Look up an order's status by its order number."`,
    );
  } else if (words.every((word) => VAGUE_WORDS.has(word))) {
    add(
      'warning',
      'vague-description',
      `the description "${text.slice(0, 60)}" only has vague words; the agent cannot tell this operation from others`,
      'Say what the operation does with which thing, and when to use it, e.g. "Search products by name, category or price range."',
    );
  } else if (words.length < 3) {
    add(
      'info',
      'short-description',
      `the description "${text}" is very short; the agent may not know when to call it`,
      'Add a sentence saying when a customer request should use this operation and what it returns.',
    );
  }
  const undescribed = Object.entries(tool.inputSchema.properties as Record<string, { description?: unknown }>)
    .filter(([, schema]) => typeof schema?.description !== 'string' || schema.description.trim() === '')
    .map(([name]) => `'${name}'`);
  if (undescribed.length > 0) {
    const shown =
      undescribed.length > 8
        ? `${undescribed.slice(0, 8).join(', ')} and ${undescribed.length - 8} more`
        : undescribed.join(', ');
    add(
      'info',
      'parameter-missing-description',
      `${undescribed.length === 1 ? 'input' : `${undescribed.length} inputs`} without a description: ${shown}; the agent has to guess what to put there`,
      'Describe each parameter and body property: what it is, its format, and an example.',
    );
  }
  if (tool.deprecated) {
    add(
      'info',
      'deprecated-operation',
      'is deprecated but still offered to the agent',
      'Switch the operation off if the agent should not use it.',
    );
  }
}

function suggestOperationId(name: string): string {
  const [first = 'call', ...rest] = name.split(/[_-]+/).filter((word) => word !== '');
  return first.toLowerCase() + rest.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
}
