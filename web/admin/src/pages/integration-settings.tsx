// An integration's editable settings: name, base URL, credentials (write-only) and timeout.
import { type FormEvent, useState } from 'react';
import { callApi } from '../api/client';
import type { IntegrationDetail } from '../api/types';
import { AuthFields, type AuthForm, toAuthBody, toAuthForm } from '../components/auth-fields';
import { TextField } from '../components/field';
import { ErrorNotice, StatusNotice } from '../components/notice';
import { useAction } from '../use-action';

/** The settings form. */
export function IntegrationSettings({
  integration,
  onSaved,
}: {
  integration: IntegrationDetail;
  onSaved: (integration: IntegrationDetail) => void;
}) {
  const [name, setName] = useState(integration.name);
  const [baseUrl, setBaseUrl] = useState(integration.baseUrl);
  const [auth, setAuth] = useState<AuthForm>(() => toAuthForm(integration.auth));
  const [timeout, setTimeoutSeconds] = useState(String(integration.timeoutMs / 1000));
  const [headers, setHeaders] = useState(integration.identityHeaders);
  const action = useAction();
  const setHeader = (index: number, patch: Partial<{ name: string; claim: string }>) =>
    setHeaders((current) => current.map((header, at) => (at === index ? { ...header, ...patch } : header)));

  function save(event: FormEvent) {
    event.preventDefault();
    const authBody = toAuthBody(auth);
    void action.run(async () => {
      if (!authBody && auth.type !== integration.auth.type) {
        throw new Error('Fill in the secret of the new authentication method.');
      }
      const updated = await callApi<IntegrationDetail>('PATCH', `/integrations/${integration.id}`, {
        name: name.trim(),
        baseUrl: baseUrl.trim(),
        timeoutMs: Math.round(Number(timeout) * 1000),
        identityHeaders: headers
          .map((header) => ({ name: header.name.trim(), claim: header.claim.trim() }))
          .filter((header) => header.name && header.claim),
        // Without a new secret the saved credentials stay as they are.
        ...(authBody ? { auth: authBody } : {}),
      });
      setAuth(toAuthForm(updated.auth));
      setHeaders(updated.identityHeaders);
      onSaved(updated);
    });
  }

  return (
    <form className="card form" onSubmit={save} aria-labelledby="integration-settings">
      <h2 id="integration-settings">Settings</h2>
      <div className="grid-2">
        <TextField label="Name" required value={name} onChange={setName} />
        <TextField
          label="Timeout (seconds)"
          hint="1 to 60."
          type="number"
          min={1}
          max={60}
          value={timeout}
          onChange={setTimeoutSeconds}
        />
      </div>
      <TextField
        label="API base URL"
        hint="Operation paths are added to it."
        type="url"
        required
        value={baseUrl}
        onChange={setBaseUrl}
      />
      <AuthFields form={auth} onChange={setAuth} saved={integration.auth} />
      <fieldset className="fieldset">
        <legend>Headers from the signed-in customer</legend>
        <p className="muted small">
          Sent with every call for a verified customer, from a claim of their identity token (e.g.
          X-Customer-Id from sub); never for an anonymous visitor, and never filled by the model.
        </p>
        {headers.map((header, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
          <div key={index} className="grid-3">
            <TextField
              label={`Header ${index + 1} name`}
              value={header.name}
              onChange={(name) => setHeader(index, { name })}
            />
            <TextField
              label={`Header ${index + 1} claim`}
              value={header.claim}
              onChange={(claim) => setHeader(index, { claim })}
            />
            <div className="form-actions">
              <button
                type="button"
                className="button-quiet"
                onClick={() => setHeaders((current) => current.filter((_, at) => at !== index))}
              >
                Remove header {index + 1}
              </button>
            </div>
          </div>
        ))}
        <div className="form-actions">
          <button
            type="button"
            onClick={() => setHeaders((current) => [...current, { name: '', claim: 'sub' }])}
          >
            Add header
          </button>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Save settings
        </button>
      </div>
      <ErrorNotice error={action.error} />
      {action.done && <StatusNotice>Settings saved.</StatusNotice>}
    </form>
  );
}
