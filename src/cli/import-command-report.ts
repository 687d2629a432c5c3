// Prints an imported schema for people: a table of tools, then the lint report with fixes.
import type { ImportedSchema, LintFinding } from '../openapi/index.js';
import { count } from './count.js';

const SEVERITY_ORDER: LintFinding['severity'][] = ['error', 'warning', 'info'];

/** The imported schema as text: heading, tools table, lint findings grouped by severity. */
export function formatImportReport(schema: ImportedSchema): string {
  const uncallable = schema.tools.filter((tool) => !tool.callable).length;
  const lines = [
    `${schema.title} (OpenAPI ${schema.openapiVersion}, ${schema.format.toUpperCase()}): ${count(schema.tools.length, 'tool')}${uncallable > 0 ? `, ${uncallable} uncallable` : ''}`,
    `Servers: ${schema.servers.length > 0 ? schema.servers.join(', ') : '(none; give the base URL when installing)'}`,
    '',
  ];
  const nameWidth = Math.min(48, Math.max(4, ...schema.tools.map((tool) => tool.name.length)));
  const methodWidth = 7;
  lines.push(`${'TOOL'.padEnd(nameWidth)}  ${'METHOD'.padEnd(methodWidth)}  PATH`);
  for (const tool of schema.tools) {
    const note = tool.callable ? '' : `  (uncallable: ${tool.uncallableReason})`;
    lines.push(
      `${tool.name.padEnd(nameWidth)}  ${tool.method.toUpperCase().padEnd(methodWidth)}  ${tool.path}${note}`,
    );
  }
  const counts = SEVERITY_ORDER.map(
    (severity) => `${schema.lint.filter((finding) => finding.severity === severity).length} ${severity}`,
  );
  lines.push('', `Lint: ${count(schema.lint.length, 'finding')} (${counts.join(', ')})`);
  for (const severity of SEVERITY_ORDER) {
    for (const finding of schema.lint.filter((each) => each.severity === severity)) {
      const line = finding.line === undefined ? '' : ` (line ${finding.line})`;
      lines.push(
        `  ${severity.padEnd(7)} ${finding.code}${line}: ${finding.message}`,
        `          fix: ${finding.fix}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
