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
  const action = useAction();

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
        // Without a new secret the saved credentials stay as they are.
        ...(authBody ? { auth: authBody } : {}),
      });
      setAuth(toAuthForm(updated.auth));
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
