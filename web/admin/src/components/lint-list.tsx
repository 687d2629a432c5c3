// Lint findings of a schema: what the agent will struggle with, where, and how to fix it.
import type { LintFinding } from '../api/types';
import { Badge } from './badge';

/** "line 12 · /paths/~1orders/get". */
function placeOf(finding: LintFinding): string {
  return [finding.line ? `line ${finding.line}` : '', finding.pointer].filter(Boolean).join(' · ');
}

/** The findings as a list; nothing when there are none. */
export function LintList({ findings }: { findings: LintFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="lint-list">
      {findings.map((finding) => (
        <li
          key={`${finding.code} ${finding.pointer} ${finding.tool ?? ''} ${finding.message}`}
          className={`lint lint-${finding.severity}`}
        >
          <div>
            <Badge value={finding.severity === 'error' ? 'error' : finding.severity} /> {finding.message}
          </div>
          <div className="fix">
            <strong>Fix:</strong> {finding.fix}
          </div>
          <div className="muted small mono break">{placeOf(finding)}</div>
        </li>
      ))}
    </ul>
  );
}
