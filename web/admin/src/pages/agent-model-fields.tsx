// The model part of an agent's settings: provider, model name, server URL, temperature, API key.
import type { ModelSettings } from '../api/types';
import { Field, TextField } from '../components/field';

/** The form's model values (strings as typed; `apiKey` empty keeps the saved one). */
export interface ModelForm {
  provider: string;
  model: string;
  baseUrl: string;
  temperature: string;
  apiKey: string;
  removeApiKey: boolean;
}

/** The form values of saved settings (the saved key is never put in a field). */
export function toModelForm(model: ModelSettings): ModelForm {
  return {
    provider: model.provider ?? '',
    model: model.model ?? '',
    baseUrl: model.baseUrl ?? '',
    temperature: model.temperature === undefined ? '' : String(model.temperature),
    apiKey: '',
    removeApiKey: false,
  };
}

/** The PATCH value of the form. */
export function toModelBody(form: ModelForm): Record<string, unknown> {
  return {
    ...(form.provider ? { provider: form.provider } : {}),
    ...(form.model.trim() ? { model: form.model.trim() } : {}),
    ...(form.baseUrl.trim() ? { baseUrl: form.baseUrl.trim() } : {}),
    ...(form.temperature.trim() ? { temperature: Number(form.temperature) } : {}),
    ...(form.apiKey.trim() ? { apiKey: form.apiKey.trim() } : form.removeApiKey ? { apiKey: null } : {}),
  };
}

const providers = [
  ['', "The server's default (embedded engine unless configured)"],
  ['embedded', 'Embedded engine (offline, no key)'],
  ['openai', 'OpenAI'],
  ['anthropic', 'Anthropic'],
  ['openai-compatible', 'OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp)'],
];

/** The model fields; `savedKey` is the masked key the server shows. */
export function AgentModelFields({
  form,
  onChange,
  savedKey,
}: {
  form: ModelForm;
  onChange: (form: ModelForm) => void;
  savedKey?: string;
}) {
  const set = (patch: Partial<ModelForm>) => onChange({ ...form, ...patch });
  const needsKey = form.provider === 'openai' || form.provider === 'anthropic';
  return (
    <fieldset className="fieldset">
      <legend>Model</legend>
      <Field label="Provider">
        {(control) => (
          <select
            {...control}
            value={form.provider}
            onChange={(event) => set({ provider: event.target.value })}
          >
            {providers.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {form.provider && form.provider !== 'embedded' && (
        <>
          <TextField
            label="Model name"
            hint="For example gpt-4o-mini or llama3.1; empty: the provider's default."
            value={form.model}
            onChange={(value) => set({ model: value })}
          />
          <TextField
            label="Server URL"
            hint={
              form.provider === 'openai-compatible' ? 'Required, e.g. http://localhost:11434/v1' : 'Optional.'
            }
            type="url"
            value={form.baseUrl}
            onChange={(value) => set({ baseUrl: value })}
          />
          <TextField
            label="API key"
            hint={
              savedKey
                ? `A key is saved (${savedKey}). Leave empty to keep it.`
                : needsKey
                  ? 'Needed by this provider.'
                  : 'Only if the server asks for one.'
            }
            type="password"
            autoComplete="off"
            value={form.apiKey}
            onChange={(value) => set({ apiKey: value })}
          />
          {savedKey && (
            <label className="check">
              <input
                type="checkbox"
                checked={form.removeApiKey}
                onChange={(event) => set({ removeApiKey: event.target.checked })}
              />
              Remove the saved key
            </label>
          )}
        </>
      )}
      <TextField
        label="Temperature"
        hint="0 (steady) to 2 (varied). Empty: the provider's default."
        type="number"
        min={0}
        max={2}
        step={0.1}
        value={form.temperature}
        onChange={(value) => set({ temperature: value })}
      />
    </fieldset>
  );
}
