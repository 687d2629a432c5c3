// One operation's identity settings: which inputs come from the verified customer's claims (hidden
// from the model, set at send time) and whether only signed-in customers may use it.
import { type FormEvent, useId, useState } from 'react';
import type { IdentityBinding, Operation } from '../api/types';
import { Toggle } from '../components/toggle';

/** What the section saves: the operation's identity settings. */
export type IdentitySettings = { identityBindings?: IdentityBinding[]; requiresIdentity?: boolean | null };

const key = (input: { in: string; name: string }) => `${input.in} ${input.name}`;

/** The identity settings of `operation`; `save` sends a change. */
export function OperationIdentity({
  operation,
  save,
}: {
  operation: Operation;
  save: (settings: IdentitySettings) => Promise<void>;
}) {
  const bound = new Set(operation.identityBindings.map(key));
  const free = operation.bindableInputs.filter((input) => !bound.has(key(input)));
  const [target, setTarget] = useState('');
  const [claim, setClaim] = useState('sub');
  const inputId = useId();
  const claimId = useId();
  const chosen = free.find((input) => key(input) === target) ?? free[0];

  function add(event: FormEvent) {
    event.preventDefault();
    if (!chosen || !claim.trim()) return;
    void save({
      identityBindings: [
        ...operation.identityBindings,
        { in: chosen.in, name: chosen.name, claim: claim.trim() },
      ],
    });
  }
  const remove = (binding: IdentityBinding) =>
    save({ identityBindings: operation.identityBindings.filter((entry) => key(entry) !== key(binding)) });

  return (
    <details className="operation-identity" open={operation.identityBindings.length > 0 || undefined}>
      <summary>Customer identity</summary>
      {operation.identityProblems.map((problem) => (
        <p key={problem} className="notice notice-error">
          {problem}. The operation is not offered until this is fixed.
        </p>
      ))}
      {operation.identityBindings.length > 0 && (
        <ul className="plain-list" aria-label={`Inputs of ${operation.name} from the customer's identity`}>
          {operation.identityBindings.map((binding) => (
            <li key={key(binding)} className="list-row small">
              <span>
                <span className="mono">
                  {binding.in} {binding.name}
                </span>{' '}
                ← claim <span className="mono">{binding.claim}</span>
              </span>
              <button type="button" className="button-quiet" onClick={() => void remove(binding)}>
                Remove {binding.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {free.length > 0 && (
        <form className="inline-form small" onSubmit={add} aria-label={`Bind an input of ${operation.name}`}>
          <label htmlFor={inputId}>Input to bind</label>
          <select
            id={inputId}
            value={chosen ? key(chosen) : ''}
            onChange={(event) => setTarget(event.target.value)}
          >
            {free.map((input) => (
              <option key={key(input)} value={key(input)}>
                {input.in} {input.name}
                {input.required ? ' (required)' : ''}
              </option>
            ))}
          </select>
          <label htmlFor={claimId}>from claim</label>
          <input id={claimId} value={claim} onChange={(event) => setClaim(event.target.value)} size={10} />
          <button type="submit">Bind</button>
        </form>
      )}
      <p className="muted small">
        Bound inputs are never shown to the model: Concierge sets them from the verified customer's identity
        token.
      </p>
      <div className="operation-confirm small">
        <Toggle
          label={`Only signed-in customers may use ${operation.name}`}
          checked={operation.requiresIdentity}
          disabled={!operation.callable}
          onChange={(requiresIdentity) => save({ requiresIdentity })}
        />
        {operation.requiresIdentity === operation.requiresIdentityDefault ? (
          <span className="muted">
            {operation.requiresIdentityDefault ? 'as an input is bound' : 'the default'}
          </span>
        ) : (
          <button
            type="button"
            className="button-quiet"
            onClick={() => void save({ requiresIdentity: null })}
          >
            Back to the default ({operation.requiresIdentityDefault ? 'signed-in only' : 'anyone'})
          </button>
        )}
      </div>
    </details>
  );
}
