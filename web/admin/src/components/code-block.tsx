// Shows JSON or text in a scrollable monospace block; JSON strings are pretty-printed.

/** Pretty-prints `value`: objects as JSON, JSON text re-indented, anything else as is. */
export function formatValue(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value, null, 2);
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}

/** A labelled code block. */
export function CodeBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <figure className="code-figure" aria-label={label}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block takes focus so the keyboard can scroll it */}
      <pre className="code" tabIndex={0}>
        {formatValue(value)}
      </pre>
    </figure>
  );
}
