// One integration: which agents use it, its operations (switches, lint, try-it), the whole lint
// report, settings, and schema versions with re-import.

import { useState } from 'react';
import { callApi } from '../api/client';
import type { Agent, DemoInfo, IntegrationDetail } from '../api/types';
import { useAgentLinks } from '../api/use-agent-links';
import { IntegrationAgentToggles } from '../components/integration-agent-toggles';
import { LintList } from '../components/lint-list';
import { ErrorNotice, Loading, StatusNotice } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { count } from '../count';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';
import { IntegrationSettings } from './integration-settings';
import { OperationsSection } from './operations-section';
import { VersionsSection } from './versions-section';

/** Counts of findings by severity, e.g. "1 error, 2 warnings". */
function countFindings(integration: IntegrationDetail): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of integration.lint) counts[finding.severity] += 1;
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'No findings';
}

/** For the demo store's API: how to connect it again from its URL, key included. */
function DemoApiNotice({ integrationId }: { integrationId: string }) {
  // The server answers 404 with the demo off: then there is nothing to show.
  const demo = useResource(() => callApi<DemoInfo>('GET', '/demo').catch(() => undefined), []);
  if (demo.data?.integrationId !== integrationId) return null;
  const { schemaUrl, auth } = demo.data;
  return (
    <section className="card" aria-labelledby="demo-api">
      <h2 id="demo-api">The demo store API</h2>
      <p>
        Served by this server, with fake data. To connect it again as the integration guide does, give the
        schema URL <code className="break">{schemaUrl}</code> and the API key{' '}
        <code data-testid="demo-api-key">{auth.value}</code> in the <code>{auth.name}</code> header.
      </p>
    </section>
  );
}

/** The integration page. */
export function IntegrationPage({ integrationId }: { integrationId: string }) {
  const { query } = useLocation();
  const integration = useResource(
    () => callApi<IntegrationDetail>('GET', `/integrations/${integrationId}`),
    [integrationId],
  );
  const propertyId = integration.data?.propertyId;
  const agents = useResource(
    async () =>
      propertyId ? (await callApi<{ items: Agent[] }>('GET', `/properties/${propertyId}/agents`)).items : [],
    [propertyId],
  );
  const links = useAgentLinks(agents.data);
  const [deleteError, setDeleteError] = useState<unknown>();
  const data = integration.data;

  async function remove() {
    if (!data || !confirm(`Remove ${data.name}? Agents stop using its operations.`)) return;
    try {
      await callApi('DELETE', `/integrations/${integrationId}`);
      navigate('/integrations');
    } catch (caught) {
      setDeleteError(caught);
    }
  }

  const documentFindings = data?.lint.filter((finding) => !finding.tool) ?? [];
  return (
    <>
      <PageHeader
        title={data?.name ?? 'Integration'}
        lead={data && `${data.baseUrl} · schema version ${data.version}`}
      >
        <Link className="button" href={`/logs?integrationId=${integrationId}`}>
          Request logs
        </Link>
      </PageHeader>
      <p>
        <Link href="/integrations">← Integrations</Link>
      </p>
      <ErrorNotice error={integration.error} />
      {!data && integration.loading && <Loading what="the integration" />}
      {data && (
        <div className="stack">
          {query.get('imported') && (
            <StatusNotice>
              Imported {count(data.operations.length, 'operation')} (OpenAPI {data.openapiVersion}). Lint:{' '}
              {countFindings(data).toLowerCase()}.
            </StatusNotice>
          )}
          <DemoApiNotice integrationId={integrationId} />
          <section className="card" aria-labelledby="used-by">
            <h2 id="used-by">Agents</h2>
            <ErrorNotice error={links.error} />
            <IntegrationAgentToggles integration={data} agents={agents.data ?? []} links={links} />
          </section>
          <OperationsSection integration={data} onChange={integration.setData} />
          <section className="card" aria-labelledby="lint-report">
            <h2 id="lint-report">Lint report</h2>
            <p className="muted">
              {countFindings(data)}. Findings about one operation are listed with it above
              {documentFindings.length ? '; these concern the whole document.' : '.'}
            </p>
            <LintList findings={documentFindings} />
          </section>
          <IntegrationSettings integration={data} onSaved={integration.setData} />
          <VersionsSection integration={data} onApplied={integration.reload} />
          <section className="card danger-zone" aria-labelledby="remove-integration">
            <h2 id="remove-integration">Remove</h2>
            <button type="button" className="button-danger" onClick={remove}>
              Remove integration
            </button>
            <ErrorNotice error={deleteError} />
          </section>
        </div>
      )}
    </>
  );
}
