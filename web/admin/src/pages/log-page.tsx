// One API call in full: request (redacted), response excerpt, outcome, timing, where it came from.
import { callApi } from '../api/client';
import type { RequestLog } from '../api/types';
import { Badge, MethodTag, StatusCode } from '../components/badge';
import { CodeBlock } from '../components/code-block';
import { ErrorNotice, Loading } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { Link } from '../router';
import { useResource } from '../use-resource';

/** The log entry page. */
export function LogPage({ logId }: { logId: string }) {
  const log = useResource(() => callApi<RequestLog>('GET', `/logs/${logId}`), [logId]);
  const entry = log.data;
  return (
    <>
      <PageHeader title={entry ? `${entry.tool} call` : 'API call'} />
      <p>
        <Link href="/logs">← Request logs</Link>
      </p>
      <ErrorNotice error={log.error} />
      {!entry && log.loading && <Loading what="the call" />}
      {entry && (
        <div className="stack">
          <section className="card" aria-label="Summary">
            <dl className="facts">
              <dt>Outcome</dt>
              <dd>
                <Badge value={entry.outcome} />
              </dd>
              <dt>Status</dt>
              <dd>
                <StatusCode status={entry.status} />
              </dd>
              <dt>Latency</dt>
              <dd>
                {entry.durationMs} ms{entry.attempts > 1 ? ` over ${entry.attempts} attempts` : ''}
              </dd>
              <dt>Time</dt>
              <dd>{new Date(entry.createdAt).toLocaleString()}</dd>
              <dt>Request</dt>
              <dd className="mono break">
                <MethodTag method={entry.method} /> {entry.url}
              </dd>
              <dt>Integration</dt>
              <dd>
                <Link href={`/integrations/${entry.integrationId}`}>Open the integration</Link>
              </dd>
              <dt>From</dt>
              <dd>
                {entry.conversationId ? (
                  <Link href={`/conversations/${entry.conversationId}`}>a conversation</Link>
                ) : (
                  'Try it (no conversation)'
                )}
              </dd>
              <dt>Customer</dt>
              <dd>
                {entry.identity ? (
                  <>
                    Verified customer <strong>{entry.identity.subject}</strong>
                    {entry.identity.values.length > 0 && (
                      <ul className="plain-list small" aria-label="Values from the customer's identity">
                        {entry.identity.values.map((value) => (
                          <li key={`${value.in} ${value.name}`}>
                            <span className="mono">
                              {value.in} {value.name}
                            </span>{' '}
                            from the identity's <span className="mono">{value.claim}</span> claim
                          </li>
                        ))}
                      </ul>
                    )}
                  </>
                ) : (
                  'Anonymous (nothing from an identity)'
                )}
              </dd>
            </dl>
            {entry.error && <p className="notice notice-error">{entry.error}</p>}
          </section>
          <section className="card" aria-labelledby="request-heading">
            <h2 id="request-heading">Request</h2>
            <CodeBlock label="Request headers" value={entry.requestHeaders} />
            {entry.requestBody && <CodeBlock label="Request body" value={entry.requestBody} />}
          </section>
          <section className="card" aria-labelledby="response-heading">
            <h2 id="response-heading">Response excerpt</h2>
            {entry.responseExcerpt ? (
              <CodeBlock label="Response excerpt" value={entry.responseExcerpt} />
            ) : (
              <p className="muted">No response.</p>
            )}
          </section>
        </div>
      )}
    </>
  );
}
