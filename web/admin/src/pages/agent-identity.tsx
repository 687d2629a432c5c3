// The agent's signed-in customers: how their identity tokens are checked (a generated HS256 secret,
// a public key or a JWKS URL), the sign-in link for visitors, and a token check for developers.
import { type FormEvent, useState } from 'react';
import { callApi } from '../api/client';
import type { Agent, AgentIdentity, IdentityCheck, IdentitySecret } from '../api/types';
import { CodeBlock } from '../components/code-block';
import { Field, TextField } from '../components/field';
import { ErrorNotice, StatusNotice } from '../components/notice';
import { useAction } from '../use-action';

const methods: [AgentIdentity['method'], string][] = [
  ['none', 'Off: every visitor is anonymous'],
  ['secret', 'Shared secret (HS256), generated here'],
  ['publicKey', 'Public key (RS256 or ES256)'],
  ['jwks', 'JWKS URL (RS256 or ES256)'],
];

/** The form's values, as typed. */
interface IdentityForm {
  method: AgentIdentity['method'];
  publicKey: string;
  jwksUrl: string;
  audience: string;
  issuer: string;
  signInUrl: string;
}

function toForm(identity: AgentIdentity, publicKey: string): IdentityForm {
  return {
    method: identity.method,
    publicKey: identity.publicKey ?? '',
    jwksUrl: identity.jwksUrl ?? '',
    // The agent's public key is the default audience: shown empty, meaning "the default".
    audience: identity.audience === publicKey ? '' : identity.audience,
    issuer: identity.issuer ?? '',
    signInUrl: identity.signInUrl ?? '',
  };
}

function toBody(form: IdentityForm): Record<string, string> {
  const body: Record<string, string> = { method: form.method };
  for (const key of ['publicKey', 'jwksUrl', 'audience', 'issuer', 'signInUrl'] as const)
    if (form[key].trim()) body[key] = form[key].trim();
  return body;
}

/** Generates or rotates the secret, and shows a new one once. */
function SecretPanel({ agent, onChanged }: { agent: Agent; onChanged: () => void }) {
  const [grace, setGrace] = useState('0');
  const [shown, setShown] = useState<IdentitySecret>();
  const action = useAction();
  const secret = agent.identity.secret;

  function generate() {
    if (
      secret &&
      !confirm('Replace the identity secret? Tokens signed with the old one stop working as chosen.')
    )
      return;
    void action.run(async () => {
      setShown(
        await callApi<IdentitySecret>('POST', `/agents/${agent.id}/identity/secret`, {
          previousValidForMinutes: Number(grace),
        }),
      );
      onChanged();
    });
  }

  return (
    <div className="stack-small">
      <p className="muted">
        {secret
          ? `Secret ${secret.hint}, generated ${secret.createdAt ? new Date(secret.createdAt).toLocaleString() : ''}.`
          : 'No secret yet.'}
        {secret?.previousValidUntil &&
          ` The previous one still works until ${new Date(secret.previousValidUntil).toLocaleString()}.`}
      </p>
      <div className="form-actions">
        {secret && (
          <Field label="The old secret stops working">
            {(control) => (
              <select {...control} value={grace} onChange={(event) => setGrace(event.target.value)}>
                <option value="0">at once</option>
                <option value="60">in an hour</option>
                <option value="1440">in a day</option>
              </select>
            )}
          </Field>
        )}
        <button type="button" onClick={generate} disabled={action.busy}>
          {secret ? 'Rotate secret' : 'Generate secret'}
        </button>
      </div>
      <ErrorNotice error={action.error} />
      {shown && (
        <div className="notice notice-warn" role="status">
          <p>
            Copy the new secret now: it is not shown again. Sign your customers' identity tokens with it
            (HS256) on your backend.
          </p>
          <CodeBlock label="Identity secret" value={shown.secret} />
        </div>
      )}
    </div>
  );
}

/** Checks a token as the widget's would be checked. */
function TokenCheck({ agent }: { agent: Agent }) {
  const [token, setToken] = useState('');
  const [result, setResult] = useState<IdentityCheck>();
  const action = useAction();
  function check(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      setResult(
        await callApi<IdentityCheck>('POST', `/agents/${agent.id}/identity/check`, { token: token.trim() }),
      );
    });
  }
  return (
    <form className="stack-small" onSubmit={check} aria-label="Token check">
      <Field
        label="Check an identity token"
        hint="Paste a token your backend signed: see whom it names, or why it is refused."
      >
        {(control) => (
          <textarea {...control} rows={3} value={token} onChange={(event) => setToken(event.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={!token.trim() || action.busy}>
          Check token
        </button>
      </div>
      <ErrorNotice error={action.error} />
      {result?.ok && (
        <StatusNotice>
          Valid until {result.expiresAt && new Date(result.expiresAt).toLocaleString()}: customer{' '}
          <strong>{result.identity?.sub}</strong>
          {result.identity?.email ? ` (${result.identity.email})` : ''}.
        </StatusNotice>
      )}
      {result && !result.ok && (
        <div className="notice notice-error" role="alert">
          {result.error}
        </div>
      )}
    </form>
  );
}

/** The agent's identity settings card. */
export function AgentIdentitySettings({ agent, onSaved }: { agent: Agent; onSaved: (agent: Agent) => void }) {
  const [form, setForm] = useState(() => toForm(agent.identity, agent.publicKey));
  const action = useAction();
  const set = (patch: Partial<IdentityForm>) => setForm((current) => ({ ...current, ...patch }));
  const reload = async () => onSaved(await callApi<Agent>('GET', `/agents/${agent.id}`));

  function save(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      const updated = await callApi<Agent>('PATCH', `/agents/${agent.id}`, { identity: toBody(form) });
      setForm(toForm(updated.identity, updated.publicKey));
      onSaved(updated);
    });
  }

  return (
    <section className="card" aria-labelledby="agent-identity">
      <h2 id="agent-identity">Signed-in customers</h2>
      <p className="muted">
        Your website's backend signs the signed-in customer's identity as a short-lived token; the widget
        passes it on (<code>data-identity-token</code> or <code>Concierge.identify(token)</code>). Operations
        bound to the customer's identity then act for that customer only; anonymous visitors are asked to sign
        in.
      </p>
      <form className="form" onSubmit={save}>
        <Field label="Check identity tokens with">
          {(control) => (
            <select
              {...control}
              value={form.method}
              onChange={(event) => set({ method: event.target.value as IdentityForm['method'] })}
            >
              {methods.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.method === 'publicKey' && (
          <Field
            label="Public key (PEM)"
            hint="-----BEGIN PUBLIC KEY-----: an RSA key (RS256) or a P-256 key (ES256)."
          >
            {(control) => (
              <textarea
                {...control}
                rows={5}
                value={form.publicKey}
                onChange={(event) => set({ publicKey: event.target.value })}
              />
            )}
          </Field>
        )}
        {form.method === 'jwks' && (
          <TextField
            label="JWKS URL"
            type="url"
            required
            value={form.jwksUrl}
            onChange={(jwksUrl) => set({ jwksUrl })}
          />
        )}
        {form.method !== 'none' && (
          <>
            <div className="grid-2">
              <TextField
                label="Audience (aud)"
                hint={`Default: this agent's public key, ${agent.publicKey}.`}
                value={form.audience}
                onChange={(audience) => set({ audience })}
              />
              <TextField
                label="Issuer (iss)"
                hint="Optional: tokens must then carry it."
                value={form.issuer}
                onChange={(issuer) => set({ issuer })}
              />
            </div>
            <TextField
              label="Sign-in page"
              hint="Given to a visitor who must sign in first. Optional."
              type="url"
              value={form.signInUrl}
              onChange={(signInUrl) => set({ signInUrl })}
            />
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={action.busy}>
            Save identity settings
          </button>
        </div>
        <ErrorNotice error={action.error} />
        {action.done && <StatusNotice>Identity settings saved.</StatusNotice>}
      </form>
      {(form.method === 'secret' || agent.identity.secret) && (
        <SecretPanel agent={agent} onChanged={() => void reload()} />
      )}
      {agent.identity.method !== 'none' && <TokenCheck agent={agent} />}
    </section>
  );
}
