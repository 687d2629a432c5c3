// What can be added: a Custom Tool, and in it an OpenAPI Server, installed with a form.
import { useId, useState } from 'react';
import { PageHeader } from '../components/page-header';
import { Link, useLocation } from '../router';

/** The catalog page; `?agent=ID` is carried on to the form. */
export function IntegrationCatalogPage() {
  const { query } = useLocation();
  const [open, setOpen] = useState(query.get('type') === 'custom');
  const panelId = useId();
  const agent = query.get('agent');
  const installHref = `/integrations/add/openapi${agent ? `?agent=${encodeURIComponent(agent)}` : ''}`;
  return (
    <>
      <PageHeader
        title="Add an integration"
        lead="Connect an API so the agent can look things up and act for customers."
      />
      <p>
        <Link href="/integrations">← Integrations</Link>
      </p>
      <div className="catalog">
        <button
          type="button"
          className="catalog-card"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          <span className="catalog-title">Custom Tool</span>
          <span className="muted">Your own HTTP API, described by a schema.</span>
        </button>
      </div>
      <section id={panelId} hidden={!open} className="card" aria-label="Custom tools">
        <h2>OpenAPI Server</h2>
        <p>
          Give an OpenAPI (Swagger) schema in YAML or JSON, the API's base URL and how to authenticate. Every
          operation becomes a tool; its description tells the agent when to call it.
        </p>
        <Link className="button button-primary" href={installHref}>
          Install
        </Link>
      </section>
    </>
  );
}
