// Prints an eval report for people: figures per suite and overall, then the failing cases.
import type { CaseFailure, EvalFigures, EvalReport } from '../agent/eval/index.js';

const MAX_FAILURES_SHOWN = 25;
const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

function figuresLine(name: string, figures: EvalFigures, medianMs?: number): string {
  const parts = [
    name.padEnd(24),
    `cases ${String(figures.cases).padStart(5)}`,
    `call ${percent(figures.callAccuracy).padStart(6)}`,
    `args ${percent(figures.argAccuracy).padStart(6)}`,
    `false-call ${percent(figures.falseCallRate).padStart(6)}`,
    `missed-call ${percent(figures.missedCallRate).padStart(6)}`,
  ];
  if (figures.selectionRecall !== null)
    parts.push(`recall@20 ${percent(figures.selectionRecall).padStart(6)}`);
  if (figures.sourceHitRate !== null)
    parts.push(`source-hit ${percent(figures.sourceHitRate).padStart(6)} of ${figures.sourceCases}`);
  if (figures.replyPassRate !== null)
    parts.push(`reply ${percent(figures.replyPassRate).padStart(6)} of ${figures.replyCases}`);
  if (medianMs !== undefined) parts.push(`median ${medianMs.toFixed(2)} ms`);
  return parts.join('  ');
}

const oneLine = (text: string, limit: number) => text.replace(/\s+/g, ' ').slice(0, limit);

function describeFailure(failure: CaseFailure): string {
  const args = (value: Record<string, unknown> | undefined) => (value ? JSON.stringify(value) : '{}');
  const lines = [
    `  ${failure.id}: ${failure.reason}${failure.wrongArgs?.length ? ` (${failure.wrongArgs.join(', ')})` : ''}`,
    `    say:      ${failure.say}`,
  ];
  if (failure.chosen && failure.expected.call !== undefined)
    lines.push(
      `    expected: ${failure.expected.call} ${args(failure.expected.args)}`,
      `    chosen:   ${failure.chosen.call} ${args(failure.chosen.args)}`,
    );
  if (failure.outcomes) lines.push(`    calls:    ${failure.outcomes.join(', ')}`);
  if (failure.replyProblems) lines.push(`    problems: ${failure.replyProblems.join('; ')}`);
  if (failure.reply !== undefined) lines.push(`    reply:    ${oneLine(failure.reply, 300)}`);
  if (failure.detail) lines.push(`    detail:   ${oneLine(failure.detail, 200)}`);
  if (failure.notOffered)
    lines.push(`    selection: ${failure.expected.call} was not among the tools offered`);
  return lines.join('\n');
}

/** The report as text. */
export function formatEvalReport(report: EvalReport): string {
  const lines: string[] = [];
  for (const suite of report.suites) {
    lines.push(figuresLine(suite.name, suite, suite.medianMs));
    const shown = suite.failures.slice(0, MAX_FAILURES_SHOWN);
    if (shown.length > 0)
      lines.push(`  failing cases (${suite.failures.length}):`, ...shown.map(describeFailure));
    if (suite.failures.length > shown.length)
      lines.push(`  ... and ${suite.failures.length - shown.length} more (--json lists all)`);
    lines.push('');
  }
  if (report.suites.length > 1) lines.push(figuresLine('overall', report));
  return `${lines.join('\n')}\n`;
}
