// The agents of the current property, and a form to add one.
import { type FormEvent, useState } from 'react';
import { callApi } from '../api/client';
import type { Agent, Property } from '../api/types';
import { Field, TextField } from '../components/field';
import { ErrorNotice, Loading } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { RequireProperty } from '../components/require-property';
import { Link, navigate } from '../router';
import { useAction } from '../use-action';
import { useResource } from '../use-resource';

const examplePrompt =
  'You answer customers of our shop. If the customer asks about order status, use the trackOrder API tool call.';

/** The agents of `property`. */
function AgentList({ property }: { property: Property }) {
  const agents = useResource(
    () => callApi<{ items: Agent[] }>('GET', `/properties/${property.id}/agents`),
    [property.id],
  );
  const [name, setName] = useState('');
  const [basePrompt, setBasePrompt] = useState('');
  const action = useAction();

  function create(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      const agent = await callApi<Agent>('POST', `/properties/${property.id}/agents`, {
        name: name.trim(),
        ...(basePrompt.trim() ? { basePrompt: basePrompt.trim() } : {}),
      });
      navigate(`/agents/${agent.id}`);
    });
  }

  return (
    <>
      <ErrorNotice error={agents.error} />
      {agents.loading && !agents.data ? <Loading what="agents" /> : null}
      {agents.data?.items.length === 0 && <p className="muted">No agent yet: create the first one below.</p>}
      <ul className="stack">
        {agents.data?.items.map((agent) => (
          <li key={agent.id} className="card row-card">
            <div className="row-main">
              <h2 className="row-title">
                <Link href={`/agents/${agent.id}`}>{agent.name}</Link>
              </h2>
              <span className="muted">
                {agent.model.provider ?? 'default model'}
                {agent.model.model ? ` · ${agent.model.model}` : ''} · widget key{' '}
                <code>{agent.publicKey}</code>
              </span>
            </div>
            <div className="actions">
              <Link className="button" href={`/agents/${agent.id}`}>
                Settings
              </Link>
              <Link className="button" href={`/preview?agent=${agent.id}`}>
                Preview
              </Link>
            </div>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="new-agent">
        <h2 id="new-agent">New agent</h2>
        <form className="form" onSubmit={create}>
          <TextField
            label="Agent name"
            hint="Customers may see it, e.g. Store assistant."
            required
            value={name}
            onChange={setName}
          />
          <Field label="Base prompt" hint="Your instructions, placed before the built-in rules. Optional.">
            {(control) => (
              <textarea
                {...control}
                rows={4}
                placeholder={examplePrompt}
                value={basePrompt}
                onChange={(event) => setBasePrompt(event.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={!name.trim()}>
              Create agent
            </button>
          </div>
        </form>
        <ErrorNotice error={action.error} />
      </section>
    </>
  );
}

/** The agents page. */
export function AgentsPage() {
  return (
    <>
      <PageHeader
        title="Agents"
        lead="An agent answers customers in the chat widget, using the APIs you switch on for it."
      />
      <RequireProperty>{(property) => <AgentList property={property} />}</RequireProperty>
    </>
  );
}
