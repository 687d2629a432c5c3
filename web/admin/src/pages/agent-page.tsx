// One agent: its base prompt and model, the integrations and knowledge sources it may use, and the
// widget snippet.

import { type FormEvent, useState } from 'react';
import { callApi } from '../api/client';
import type { Agent, Integration, KnowledgeSource } from '../api/types';
import { useAgentLinks } from '../api/use-agent-links';
import { useKnowledgeLinks } from '../api/use-knowledge-links';
import { Field, TextField } from '../components/field';
import { LinkWarnings } from '../components/integration-agent-toggles';
import { ErrorNotice, Loading, StatusNotice } from '../components/notice';
import { PageHeader } from '../components/page-header';
import { Toggle } from '../components/toggle';
import { Link, navigate } from '../router';
import { useAction } from '../use-action';
import { useResource } from '../use-resource';
import { AgentIdentitySettings } from './agent-identity';
import { AgentModelFields, type ModelForm, toModelBody, toModelForm } from './agent-model-fields';
import { WidgetSnippet } from './widget-snippet';

/** The agent's settings form. */
function AgentSettings({ agent, onSaved }: { agent: Agent; onSaved: (agent: Agent) => void }) {
  const [name, setName] = useState(agent.name);
  const [basePrompt, setBasePrompt] = useState(agent.basePrompt);
  const [model, setModel] = useState<ModelForm>(() => toModelForm(agent.model));
  const [maxToolSteps, setMaxToolSteps] = useState(String(agent.maxToolSteps));
  const [webhook, setWebhook] = useState(agent.handoffWebhookUrl ?? '');
  const action = useAction();

  function save(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      const updated = await callApi<Agent>('PATCH', `/agents/${agent.id}`, {
        name: name.trim(),
        basePrompt,
        model: toModelBody(model),
        maxToolSteps: Number(maxToolSteps),
        handoffWebhookUrl: webhook.trim() || null,
      });
      setModel(toModelForm(updated.model));
      onSaved(updated);
    });
  }

  return (
    <form className="card form" onSubmit={save} aria-labelledby="agent-settings">
      <h2 id="agent-settings">Settings</h2>
      <TextField label="Agent name" required value={name} onChange={setName} />
      <Field
        label="Base prompt"
        hint="Your instructions, e.g. “If the customer asks about order status, use the trackOrder API tool call.”"
      >
        {(control) => (
          <textarea
            {...control}
            rows={6}
            value={basePrompt}
            onChange={(event) => setBasePrompt(event.target.value)}
          />
        )}
      </Field>
      <AgentModelFields form={model} onChange={setModel} savedKey={agent.model.apiKey} />
      <div className="grid-2">
        <TextField
          label="Most tool calls per reply"
          hint="1 to 10."
          type="number"
          min={1}
          max={10}
          value={maxToolSteps}
          onChange={setMaxToolSteps}
        />
        <TextField
          label="Hand-off webhook URL"
          hint="Gets a POST when a chat is handed to a person. Optional."
          type="url"
          value={webhook}
          onChange={setWebhook}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Save
        </button>
      </div>
      <ErrorNotice error={action.error} />
      {action.done && <StatusNotice>Saved.</StatusNotice>}
    </form>
  );
}

/** The integrations this agent may use, with switches. */
function AgentIntegrations({ agent }: { agent: Agent }) {
  const integrations = useResource(
    () => callApi<{ items: Integration[] }>('GET', `/properties/${agent.propertyId}/integrations`),
    [agent.propertyId],
  );
  const links = useAgentLinks([agent]);
  return (
    <section className="card" aria-labelledby="agent-integrations">
      <div className="section-header">
        <h2 id="agent-integrations">Integration / API</h2>
        <Link className="button button-primary" href={`/integrations/add?agent=${agent.id}`}>
          + Add
        </Link>
      </div>
      <p className="muted">Every operation of a switched-on API is a tool this agent may call.</p>
      <ErrorNotice error={integrations.error ?? links.error} />
      {integrations.data?.items.length === 0 && <p>No API connected yet. Use + Add to connect one.</p>}
      <ul className="plain-list">
        {integrations.data?.items.map((integration) => (
          <li key={integration.id}>
            <div className="list-row">
              <Link href={`/integrations/${integration.id}`}>{integration.name}</Link>
              <Toggle
                label={`Use ${integration.name}`}
                checked={links.isEnabled(agent.id, integration.id)}
                disabled={links.loading}
                onChange={(enabled) => links.setEnabled(agent.id, integration.id, enabled)}
              />
            </div>
            <LinkWarnings warnings={links.warningsOf(agent.id, integration.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The knowledge sources this agent may answer from, with switches. */
function AgentSources({ agent }: { agent: Agent }) {
  const sources = useResource(
    () => callApi<{ items: KnowledgeSource[] }>('GET', `/properties/${agent.propertyId}/knowledge-sources`),
    [agent.propertyId],
  );
  const links = useKnowledgeLinks([agent]);
  return (
    <section className="card" aria-labelledby="agent-sources">
      <div className="section-header">
        <h2 id="agent-sources">Knowledge sources</h2>
        <Link className="button" href="/sources">
          Sources
        </Link>
      </div>
      <p className="muted">Articles, pages and FAQs this agent answers from when no API does.</p>
      <ErrorNotice error={sources.error ?? links.error} />
      {sources.data?.items.length === 0 && (
        <p>
          No source yet. <Link href="/sources">Add articles, pages or an FAQ file</Link>.
        </p>
      )}
      <ul className="plain-list">
        {sources.data?.items.map((source) => (
          <li key={source.id} className="list-row">
            <Link href={`/sources/${source.id}`}>{source.name}</Link>
            <Toggle
              label={`Answer from ${source.name}`}
              checked={links.isEnabled(agent.id, source.id)}
              disabled={links.loading}
              onChange={(enabled) => links.setEnabled(agent.id, source.id, enabled)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The agent page. */
export function AgentPage({ agentId }: { agentId: string }) {
  const agent = useResource(() => callApi<Agent>('GET', `/agents/${agentId}`), [agentId]);
  const [deleteError, setDeleteError] = useState<unknown>();
  const title = agent.data?.name ?? 'Agent';

  async function remove() {
    if (!agent.data || !confirm(`Delete ${agent.data.name} and its conversations?`)) return;
    try {
      await callApi('DELETE', `/agents/${agentId}`);
      navigate('/agents');
    } catch (caught) {
      setDeleteError(caught);
    }
  }

  return (
    <>
      <PageHeader title={title}>
        <Link className="button" href={`/preview?agent=${agentId}`}>
          Try it in the preview
        </Link>
      </PageHeader>
      <p>
        <Link href="/agents">← All agents</Link>
      </p>
      <ErrorNotice error={agent.error} />
      {agent.loading && !agent.data && <Loading what="the agent" />}
      {agent.data && (
        <div className="stack">
          <AgentIntegrations agent={agent.data} />
          <AgentSources agent={agent.data} />
          <AgentSettings agent={agent.data} onSaved={agent.setData} />
          <AgentIdentitySettings agent={agent.data} onSaved={agent.setData} />
          <WidgetSnippet agent={agent.data} />
          <section className="card danger-zone" aria-labelledby="delete-agent">
            <h2 id="delete-agent">Delete</h2>
            <p className="muted">
              Deletes the agent and its conversations. The widget with its key stops answering.
            </p>
            <button type="button" className="button-danger" onClick={remove}>
              Delete agent
            </button>
            <ErrorNotice error={deleteError} />
          </section>
        </div>
      )}
    </>
  );
}
