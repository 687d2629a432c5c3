// Small coloured labels for outcomes, HTTP statuses, methods and conversation states.

const goodOutcomes = new Set(['ok', 'open']);
const waitingOutcomes = new Set(['waiting-for-human', 'pending', 'not-found', 'warning']);

/** A call outcome or state, coloured by how good it is. */
export function Badge({ value, label }: { value: string; label?: string }) {
  const tone = goodOutcomes.has(value)
    ? 'good'
    : waitingOutcomes.has(value)
      ? 'wait'
      : value === 'closed' || value === 'info'
        ? 'plain'
        : 'bad';
  return <span className={`badge badge-${tone}`}>{label ?? value}</span>;
}

/** An HTTP method in a fixed-width tag. */
export function MethodTag({ method }: { method: string }) {
  return <span className={`method method-${method.toLowerCase()}`}>{method.toUpperCase()}</span>;
}

/** An HTTP status, or a dash when there was no answer. */
export function StatusCode({ status }: { status: number | null | undefined }) {
  if (status === null || status === undefined) return <span className="muted">—</span>;
  const tone = status < 300 ? 'good' : status < 500 ? 'wait' : 'bad';
  return <span className={`badge badge-${tone}`}>{status}</span>;
}
