// What the agent did for one reply: each tool call (operation, arguments, outcome, latency, response
// excerpt), knowledge searches, confirmations, hand-offs, model errors, and the data sources (API
// operations, articles and pages) the answer used.
import type { KnowledgeSearchStep, KnowledgeSourceRef, ToolCallStep, TraceStep } from '../api/types';
import { Link } from '../router';
import { Badge, StatusCode } from './badge';
import { formatValue } from './code-block';

/** A tool call while it runs (from the stream) or after (from the trace). */
export interface ToolCallView {
  tool: string;
  args: unknown;
  outcome?: string;
  status?: number;
  durationMs?: number;
  excerpt?: string;
  error?: string;
  /** For a verified customer: who, and which inputs came from their identity. */
  identity?: ToolCallStep['identity'];
}

/** The view of a finished tool-call step. */
export function toToolCallView(step: ToolCallStep): ToolCallView {
  return {
    tool: step.tool,
    args: step.args,
    outcome: step.outcome,
    status: step.status,
    durationMs: step.durationMs,
    excerpt: step.responseExcerpt,
    error: step.error,
    identity: step.identity,
  };
}

/** One tool call. */
export function ToolCallCard({ call, logsHref }: { call: ToolCallView; logsHref?: string }) {
  return (
    <li className="tool-call" data-tool={call.tool}>
      <div className="tool-call-head">
        <span className="tool-name">{call.tool}</span>
        {call.outcome ? <Badge value={call.outcome} /> : <span className="badge badge-plain">calling…</span>}
        <StatusCode status={call.status} />
        {call.durationMs !== undefined && <span className="muted small">{call.durationMs} ms</span>}
        {logsHref && call.outcome && (
          <Link className="small" href={logsHref}>
            In the logs
          </Link>
        )}
      </div>
      <div className="small">
        <span className="muted">Arguments: </span>
        <code className="break">{JSON.stringify(call.args)}</code>
      </div>
      {call.identity && (
        <div className="small">
          <span className="muted">From customer {call.identity.subject}: </span>
          {call.identity.values.map((value) => `${value.in} ${value.name} ← ${value.claim}`).join(', ') ||
            'nothing'}
        </div>
      )}
      {call.excerpt && (
        <details>
          <summary className="small">Response excerpt</summary>
          <pre className="code small">{formatValue(call.excerpt)}</pre>
        </details>
      )}
      {call.error && <div className="small field-error">{call.error}</div>}
    </li>
  );
}

/** A source named by its title, linked when it has a link. */
function SourceName({ source }: { source: KnowledgeSourceRef }) {
  if (!source.url) return <span>{source.title}</span>;
  return (
    <a href={source.url} target="_blank" rel="noreferrer">
      {source.title}
    </a>
  );
}

/** One knowledge search: what was asked and the passages found, best first. */
function KnowledgeSearchCard({ step }: { step: KnowledgeSearchStep }) {
  return (
    <li className="tool-call knowledge-search" data-tool="search_knowledge">
      <div className="tool-call-head">
        <span className="tool-name">Knowledge search</span>
        <Badge
          value={step.error ? 'error' : step.passages.length ? 'ok' : 'not-found'}
          label={step.error ? 'failed' : `${step.passages.length} found`}
        />
        <span className="muted small">{step.durationMs} ms</span>
      </div>
      <div className="small">
        <span className="muted">Query: </span>
        <q>{step.query}</q>
      </div>
      {step.passages.length > 0 && (
        <ol className="small passages">
          {step.passages.map((passage, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a search's passages are fixed, two may share a title
            <li key={`${passage.sourceId}-${index}`}>
              <SourceName source={passage} />
              {passage.heading ? <span className="muted"> › {passage.heading}</span> : null}
              {passage.relevance !== undefined && (
                <span className="muted"> ({Math.round(passage.relevance * 100)}% of the question)</span>
              )}
            </li>
          ))}
        </ol>
      )}
      {step.error && <div className="small field-error">{step.error}</div>}
    </li>
  );
}

/** The trace of one turn; `logsHref(tool)` links each call to its log entries. */
export function TurnTrace({
  steps,
  dataSources,
  knowledgeSources,
  liveCalls,
  logsHref,
}: {
  steps?: TraceStep[];
  dataSources?: string[];
  /** The articles and pages the reply used (read from the trace's data-sources step when absent). */
  knowledgeSources?: KnowledgeSourceRef[];
  liveCalls?: ToolCallView[];
  logsHref?: (tool: string) => string;
}) {
  const calls = steps
    ? steps.filter((step): step is ToolCallStep => step.type === 'tool-call').map(toToolCallView)
    : (liveCalls ?? []).filter((call) => call.tool !== 'search_knowledge');
  const searches = (steps ?? []).filter(
    (step): step is KnowledgeSearchStep => step.type === 'knowledge-search',
  );
  const others = (steps ?? []).filter(
    (step) => step.type !== 'tool-call' && step.type !== 'model-call' && step.type !== 'knowledge-search',
  );
  const stored = steps?.find((step) => step.type === 'data-sources') as
    | { tools?: string[]; knowledge?: KnowledgeSourceRef[] }
    | undefined;
  const sources = dataSources ?? stored?.tools;
  const used = knowledgeSources ?? stored?.knowledge ?? [];
  if (calls.length === 0 && others.length === 0 && !steps) return null;
  return (
    <div className="trace">
      {calls.length > 0 ? (
        <ul className="tool-calls">
          {calls.map((call, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: calls only ever get appended, and have no id
            <ToolCallCard key={`${call.tool}-${index}`} call={call} logsHref={logsHref?.(call.tool)} />
          ))}
        </ul>
      ) : (
        <p className="muted small">No API call for this reply.</p>
      )}
      {searches.length > 0 && (
        <ul className="tool-calls">
          {searches.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: trace steps are fixed once the turn ended, and have no id
            <KnowledgeSearchCard key={`search-${index}`} step={step} />
          ))}
        </ul>
      )}
      {others.map((step, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: trace steps are fixed once the turn ended, and have no id
        <p key={`${step.type}-${index}`} className="trace-note small">
          {step.type === 'confirmation-requested' && (
            <>
              <Badge value="pending" label="asked to confirm" /> {step.tool} {JSON.stringify(step.args)}
            </>
          )}
          {step.type === 'confirmation-resolved' && <>Confirmation: {step.decision}</>}
          {step.type === 'handoff' && (
            <>
              <Badge value="waiting-for-human" label="handed to a person" /> {step.reason}
            </>
          )}
          {step.type === 'model-error' && (
            <>
              <Badge value="error" label="model error" /> {step.message}
            </>
          )}
          {step.type === 'turn-stopped' && (
            <>
              <Badge value="error" label="stopped" />{' '}
              {step.reason === 'cancelled' ? 'The customer left before the answer.' : 'A person took over.'}
            </>
          )}
          {step.type === 'recovered' && <>Answered after a restart.</>}
          {step.type === 'sign-in-required' && (
            <>
              <Badge value="pending" label="asked to sign in" /> {step.tool} is for signed-in customers only;
              nothing was sent.
            </>
          )}
        </p>
      ))}
      {sources && (
        <p className="small muted data-sources">
          Data sources:{' '}
          {sources.length + used.length === 0
            ? 'none'
            : [
                ...sources.map((tool) => <span key={`tool-${tool}`}>{tool}</span>),
                ...used.map((source) => (
                  <span key={`source-${source.sourceId}-${source.title}`} className="knowledge-source">
                    <SourceName source={source} />
                  </span>
                )),
              ].flatMap((item, index) => (index === 0 ? [item] : [', ', item]))}
        </p>
      )}
    </div>
  );
}
