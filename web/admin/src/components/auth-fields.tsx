// How Concierge authenticates to an API: no auth, an API key (header or query), a bearer token or
// basic auth. Secrets are write-only: a saved one is only ever shown masked, in the hint.
import type { IntegrationAuth } from '../api/types';
import { Field, TextField } from './field';

/** The form's values for every method (only those of `type` are sent). */
export interface AuthForm {
  type: IntegrationAuth['type'];
  in: 'header' | 'query';
  name: string;
  value: string;
  token: string;
  username: string;
  password: string;
}

/** An empty form, or one showing the saved method and names (never the secrets). */
export function toAuthForm(saved?: IntegrationAuth): AuthForm {
  return {
    type: saved?.type ?? 'none',
    in: saved?.type === 'apiKey' ? saved.in : 'header',
    name: saved?.type === 'apiKey' ? saved.name : '',
    value: '',
    token: '',
    username: saved?.type === 'basic' ? saved.username : '',
    password: '',
  };
}

/** The `auth` body of the form; undefined when a secret is missing (keep the saved credentials). */
export function toAuthBody(form: AuthForm): IntegrationAuth | undefined {
  switch (form.type) {
    case 'none':
      return { type: 'none' };
    case 'apiKey':
      return form.value
        ? { type: 'apiKey', in: form.in, name: form.name.trim(), value: form.value }
        : undefined;
    case 'bearer':
      return form.token ? { type: 'bearer', token: form.token } : undefined;
    case 'basic':
      return form.password ? { type: 'basic', username: form.username, password: form.password } : undefined;
  }
}

/** The masked secret of saved credentials, for the hint. */
function savedSecret(saved: IntegrationAuth | undefined, type: AuthForm['type']): string | undefined {
  if (!saved || saved.type !== type) return undefined;
  if (saved.type === 'apiKey') return saved.value;
  if (saved.type === 'bearer') return saved.token;
  if (saved.type === 'basic') return saved.password;
  return undefined;
}

/** The authentication fields. */
export function AuthFields({
  form,
  onChange,
  saved,
}: {
  form: AuthForm;
  onChange: (form: AuthForm) => void;
  saved?: IntegrationAuth;
}) {
  const set = (patch: Partial<AuthForm>) => onChange({ ...form, ...patch });
  const masked = savedSecret(saved, form.type);
  const secretHint = masked ? `Saved: ${masked}. Leave empty to keep it.` : undefined;
  return (
    <fieldset className="fieldset">
      <legend>Authentication</legend>
      <Field label="Method">
        {(control) => (
          <select
            {...control}
            value={form.type}
            onChange={(event) => set({ type: event.target.value as AuthForm['type'] })}
          >
            <option value="none">No Auth</option>
            <option value="apiKey">API key</option>
            <option value="bearer">Bearer token</option>
            <option value="basic">Basic auth</option>
          </select>
        )}
      </Field>
      {form.type === 'apiKey' && (
        <div className="grid-3">
          <Field label="Send the key in">
            {(control) => (
              <select
                {...control}
                value={form.in}
                onChange={(event) => set({ in: event.target.value as 'header' })}
              >
                <option value="header">A header</option>
                <option value="query">The query string</option>
              </select>
            )}
          </Field>
          <TextField
            label={form.in === 'header' ? 'Key (header name)' : 'Key (parameter name)'}
            placeholder={form.in === 'header' ? 'X-Api-Key' : 'api_key'}
            required
            value={form.name}
            onChange={(value) => set({ name: value })}
          />
          <TextField
            label="Value"
            hint={secretHint}
            type="password"
            autoComplete="off"
            required={!masked}
            value={form.value}
            onChange={(value) => set({ value })}
          />
        </div>
      )}
      {form.type === 'bearer' && (
        <TextField
          label="Token"
          hint={secretHint ?? 'Sent as Authorization: Bearer <token>.'}
          type="password"
          autoComplete="off"
          required={!masked}
          value={form.token}
          onChange={(value) => set({ token: value })}
        />
      )}
      {form.type === 'basic' && (
        <div className="grid-2">
          <TextField
            label="Username"
            autoComplete="off"
            value={form.username}
            onChange={(value) => set({ username: value })}
          />
          <TextField
            label="Password"
            hint={secretHint}
            type="password"
            autoComplete="off"
            required={!masked}
            value={form.password}
            onChange={(value) => set({ password: value })}
          />
        </div>
      )}
    </fieldset>
  );
}
