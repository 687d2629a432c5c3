// The property's integrations (connected APIs), each with a switch per agent.
import { callApi } from '../api/client';
import type { Agent, Integration, Property } from '../api/types';
import { useAgentLinks } from '../api/use-agent-links';
import { IntegrationAgentToggles } from '../components/integration-agent-toggles';
import { ErrorNotice, Loading } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { RequireProperty } from '../components/require-property';
import { Link } from '../router';
import { useResource } from '../use-resource';

const authLabels: Record<string, string> = {
  none: 'No auth',
  apiKey: 'API key',
  bearer: 'Bearer token',
  basic: 'Basic auth',
};

/** The integrations of `property`. */
function IntegrationList({ property }: { property: Property }) {
  const data = useResource(async () => {
    const [integrations, agents] = await Promise.all([
      callApi<{ items: Integration[] }>('GET', `/properties/${property.id}/integrations`),
      callApi<{ items: Agent[] }>('GET', `/properties/${property.id}/agents`),
    ]);
    return { integrations: integrations.items, agents: agents.items };
  }, [property.id]);
  const links = useAgentLinks(data.data?.agents);

  if (data.error) return <ErrorNotice error={data.error} />;
  if (!data.data) return <Loading what="integrations" />;
  const { integrations, agents } = data.data;
  if (integrations.length === 0)
    return (
      <p className="card">
        No API connected yet. <Link href="/integrations/add">Add an integration</Link> to connect one with its
        OpenAPI schema.
      </p>
    );
  return (
    <>
      <ErrorNotice error={links.error} />
      <ul className="stack">
        {integrations.map((integration) => (
          <li key={integration.id} className="card">
            <div className="section-header">
              <h2 className="row-title">
                <Link href={`/integrations/${integration.id}`}>{integration.name}</Link>
              </h2>
              <Link className="button" href={`/integrations/${integration.id}`}>
                Operations and settings
              </Link>
            </div>
            <p className="muted break">
              {integration.baseUrl} · {authLabels[integration.auth.type]} · schema version{' '}
              {integration.version}
            </p>
            <IntegrationAgentToggles integration={integration} agents={agents} links={links} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The integrations page. */
export function IntegrationsPage() {
  return (
    <>
      <PageHeader
        title="Integrations"
        lead="APIs your agents can call. Every operation in an API's schema becomes a tool; switch an API on per agent."
      >
        <Link className="button button-primary" href="/integrations/add">
          + Add
        </Link>
      </PageHeader>
      <RequireProperty>{(property) => <IntegrationList property={property} />}</RequireProperty>
    </>
  );
}
