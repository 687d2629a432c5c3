// One item of an import's lint report, and the collector the compiler writes findings into.

/** One problem found while importing, written for the business owner who maintains the schema. */
export interface LintFinding {
  /** `error`: the operation cannot be used as is; `warning`: the agent will likely misuse it; `info`: worth a look. */
  severity: 'error' | 'warning' | 'info';
  /** Stable kebab-case identifier, e.g. `missing-operation-id`. */
  code: string;
  /** What is wrong and where, e.g. "paths./orders/{id}.get: path parameter 'id' is not declared". */
  message: string;
  /** How to fix it in the schema. */
  fix: string;
  /** JSON pointer of the node concerned, e.g. `/paths/~1orders~1{id}/get`. */
  pointer: string;
  /** 1-based line of that node in the source text, when it could be located. */
  line?: number;
  /** Name of the tool the finding concerns, when it concerns one. */
  tool?: string;
}

/** Collects findings, dropping exact repeats (a shared schema is reached from many operations). */
export class LintCollector {
  readonly findings: LintFinding[] = [];
  readonly #seen = new Set<string>();

  add(finding: LintFinding): void {
    const key = `${finding.code}\u0000${finding.pointer}\u0000${finding.message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.findings.push(finding);
  }
}
