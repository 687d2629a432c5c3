// Try one operation for real: fill its input, send the request, see what was sent (credentials
// redacted by the server) and what came back.
import { type FormEvent, useState } from 'react';
import { callApi } from '../api/client';
import type { Operation, TryResult } from '../api/types';
import { Badge, StatusCode } from '../components/badge';
import { CodeBlock, formatValue } from '../components/code-block';
import { ErrorNotice } from '../components/notice';
import { SchemaForm, type SchemaFormValues, toArguments } from '../components/schema-form';

/** Headers as `Name: value` lines. */
function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** What the try returned. */
function TryResultView({ result }: { result: TryResult }) {
  const { request, response } = result;
  return (
    <div className="try-result" role="status" aria-label="Result">
      <p className="result-line">
        <Badge value={result.outcome} /> <StatusCode status={response?.status} />{' '}
        <span className="muted">{result.durationMs} ms</span>
        {result.customerMessage && (
          <span className="muted"> · The customer would read: “{result.customerMessage}”</span>
        )}
      </p>
      {result.error && <p className="notice notice-error">{result.error}</p>}
      <div className="grid-2">
        <div>
          <h4>Sent</h4>
          <CodeBlock
            label="Request sent"
            value={`${request.method} ${request.url}\n${headerLines(request.headers)}${request.body === undefined || request.body === null ? '' : `\n\n${formatValue(request.body)}`}`}
          />
        </div>
        <div>
          <h4>Received{response?.truncated ? ' (cut short)' : ''}</h4>
          {response ? (
            <CodeBlock label="Response received" value={response.body} />
          ) : (
            <p className="muted">No answer.</p>
          )}
        </div>
      </div>
    </div>
  );
}

/** The try-it panel of one operation. */
export function TryOperation({ integrationId, operation }: { integrationId: string; operation: Operation }) {
  const [values, setValues] = useState<SchemaFormValues>({});
  const [result, setResult] = useState<TryResult>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const args = toArguments(operation.inputSchema, values);
      setResult(
        await callApi<TryResult>(
          'POST',
          `/integrations/${integrationId}/operations/${encodeURIComponent(operation.name)}/try`,
          { args },
        ),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="try-panel" onSubmit={send} aria-label={`Try ${operation.name}`}>
      {(!operation.readOnly || operation.needsConfirmation) && (
        <p className="notice notice-warn">This operation changes data in your system: the request is real.</p>
      )}
      <SchemaForm schema={operation.inputSchema} values={values} onChange={setValues} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Sending…' : 'Send request'}
        </button>
      </div>
      <ErrorNotice error={error} />
      {result && <TryResultView result={result} />}
    </form>
  );
}
