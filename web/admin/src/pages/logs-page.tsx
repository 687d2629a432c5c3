// Request logs: every call the agent (or try-it) made to an API, filterable, newest first.
import { type FormEvent, useState } from 'react';
import { callApi, toQuery } from '../api/client';
import type { Integration, Property, RequestLog } from '../api/types';
import { Badge, MethodTag, StatusCode } from '../components/badge';
import { Field } from '../components/field';
import { ErrorNotice, Loading } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { RequireProperty } from '../components/require-property';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

const outcomes = [
  'ok',
  'not-found',
  'client-error',
  'server-error',
  'timeout',
  'network',
  'blocked',
  'invalid-arguments',
  'unusable-response',
];
const filterNames = ['integrationId', 'tool', 'outcome', 'status', 'conversationId', 'from', 'to'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

/** `datetime-local` value <-> ISO time. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : '');
const toLocal = (iso: string) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Whether any filter is set. */
const hasFilters = (filters: Filters) => Object.values(filters).some(Boolean);

/** The filter form; applying it changes the URL, so a filtered view can be shared. */
function LogFilters({ filters, integrations }: { filters: Filters; integrations: Integration[] }) {
  const [draft, setDraft] = useState(filters);
  const [wideScreen] = useState(() => window.matchMedia('(min-width: 761px)').matches || hasFilters(filters));
  const set = (name: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [name]: event.target.value });
  function apply(event: FormEvent) {
    event.preventDefault();
    navigate(`/logs${toQuery(draft)}`, { replace: true });
  }
  function clear() {
    setDraft(Object.fromEntries(filterNames.map((name) => [name, ''])) as Filters);
    navigate('/logs', { replace: true });
  }
  return (
    // Open on wide screens; on a phone the table comes first and the filters open on demand.
    <details className="card filters-box" open={wideScreen}>
      <summary>Filters</summary>
      <form className="filters" onSubmit={apply} aria-label="Filters">
        <Field label="Integration">
          {(control) => (
            <select {...control} value={draft.integrationId} onChange={set('integrationId')}>
              <option value="">All</option>
              {integrations.map((integration) => (
                <option key={integration.id} value={integration.id}>
                  {integration.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Tool">
          {(control) => <input {...control} value={draft.tool} onChange={set('tool')} />}
        </Field>
        <Field label="Outcome">
          {(control) => (
            <select {...control} value={draft.outcome} onChange={set('outcome')}>
              <option value="">All</option>
              {outcomes.map((outcome) => (
                <option key={outcome}>{outcome}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="HTTP status">
          {(control) => (
            <input
              {...control}
              type="number"
              min={100}
              max={599}
              value={draft.status}
              onChange={set('status')}
            />
          )}
        </Field>
        <Field label="From">
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={toLocal(draft.from)}
              onChange={(event) => setDraft({ ...draft, from: toIso(event.target.value) })}
            />
          )}
        </Field>
        <Field label="To">
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={toLocal(draft.to)}
              onChange={(event) => setDraft({ ...draft, to: toIso(event.target.value) })}
            />
          )}
        </Field>
        {draft.conversationId && (
          <Field label="Conversation">
            {(control) => (
              <input {...control} value={draft.conversationId} onChange={set('conversationId')} />
            )}
          </Field>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Apply filters
          </button>
          <button type="button" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
    </details>
  );
}

/** The logs of `property` with the filters from the URL. */
function Logs({ property }: { property: Property }) {
  const { query } = useLocation();
  const filters = Object.fromEntries(filterNames.map((name) => [name, query.get(name) ?? ''])) as Filters;
  const queryKey = toQuery(filters);
  const integrations = useResource(
    () => callApi<{ items: Integration[] }>('GET', `/properties/${property.id}/integrations`),
    [property.id],
  );
  const [more, setMore] = useState<{ items: RequestLog[]; next?: string }>({ items: [] });
  const page = useResource(async () => {
    setMore({ items: [] });
    return callApi<{ items: RequestLog[]; next?: string }>(
      'GET',
      `/properties/${property.id}/logs${queryKey}`,
    );
  }, [property.id, queryKey]);
  const names = new Map((integrations.data?.items ?? []).map((entry) => [entry.id, entry.name]));
  const items = [...(page.data?.items ?? []), ...more.items];
  const next = more.next ?? (more.items.length ? undefined : page.data?.next);

  async function loadMore() {
    if (!next) return;
    const nextPage = await callApi<{ items: RequestLog[]; next?: string }>(
      'GET',
      `/properties/${property.id}/logs${toQuery({ ...filters, cursor: next })}`,
    );
    setMore({ items: [...more.items, ...nextPage.items], next: nextPage.next });
  }

  return (
    <>
      <LogFilters key={queryKey} filters={filters} integrations={integrations.data?.items ?? []} />
      <ErrorNotice error={page.error} />
      {page.loading && !page.data && <Loading what="request logs" />}
      {page.data && items.length === 0 && <p className="card muted">No API call matches these filters.</p>}
      {items.length > 0 && (
        <div className="card table-wrap">
          <table className="logs-table stacked-table">
            <caption className="visually-hidden">API calls, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Tool</th>
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Outcome</th>
                <th scope="col">Latency</th>
              </tr>
            </thead>
            <tbody>
              {items.map((log) => (
                <tr key={log.id} data-tool={log.tool}>
                  <td className="nowrap">{new Date(log.createdAt).toLocaleString()}</td>
                  <td>
                    <Link href={`/logs/${log.id}`}>{log.tool}</Link>
                    <div className="muted small">{names.get(log.integrationId) ?? ''}</div>
                  </td>
                  <td className="mono small url-cell block-cell">
                    <MethodTag method={log.method} /> {log.url}
                  </td>
                  <td>
                    <StatusCode status={log.status} />
                  </td>
                  <td>
                    <Badge value={log.outcome} />
                  </td>
                  <td className="nowrap">{log.durationMs} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
          {next && (
            <button type="button" onClick={loadMore}>
              Load more
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** The logs page. */
export function LogsPage() {
  return (
    <>
      <PageHeader title="Request logs" lead="Every API call the agent made, with credentials redacted." />
      <RequireProperty>{(property) => <Logs property={property} />}</RequireProperty>
    </>
  );
}
