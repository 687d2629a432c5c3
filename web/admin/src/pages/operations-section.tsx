// The operations of an integration: switches, what each does, its lint findings, and try-it.

import { useState } from 'react';
import { callApi } from '../api/client';
import type { IntegrationDetail, Operation } from '../api/types';
import { MethodTag } from '../components/badge';
import { LintList } from '../components/lint-list';
import { ErrorNotice } from '../components/notice';
import { Toggle } from '../components/toggle';
import { count } from '../count';
import { type IdentitySettings, OperationIdentity } from './operation-identity';
import { TryOperation } from './try-operation';

/** One operation row. */
function OperationItem({
  integration,
  operation,
  onChange,
}: {
  integration: IntegrationDetail;
  operation: Operation;
  onChange: (operation: Operation) => void;
}) {
  const [trying, setTrying] = useState(false);
  const [error, setError] = useState<unknown>();
  const findings = integration.lint.filter((finding) => finding.tool === operation.name);

  async function save(
    settings: { enabled?: boolean; needsConfirmation?: boolean | null } & IdentitySettings,
  ) {
    setError(undefined);
    try {
      onChange(
        await callApi<Operation>(
          'PUT',
          `/integrations/${integration.id}/operations/${encodeURIComponent(operation.name)}`,
          settings,
        ),
      );
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <li className="operation" data-operation={operation.name}>
      <div className="operation-head">
        <Toggle
          label={`Agent may call ${operation.name}`}
          hideLabel
          checked={operation.enabled}
          disabled={!operation.callable}
          onChange={(enabled) => save({ enabled })}
        />
        <div className="operation-title">
          <h3>
            {operation.name}
            {operation.needsConfirmation && <span className="badge badge-wait">asks before running</span>}
            {operation.requiresIdentity && (
              <span className="badge badge-identity">signed-in customers only</span>
            )}
            {!operation.callable && <span className="badge badge-bad">cannot be called</span>}
          </h3>
          <div className="mono small break">
            <MethodTag method={operation.method} /> {operation.path}
          </div>
        </div>
        <button
          type="button"
          aria-expanded={trying}
          onClick={() => setTrying(!trying)}
          disabled={!operation.callable}
        >
          {trying ? 'Close' : 'Try it'}
        </button>
      </div>
      <p className="operation-description">{operation.summary ?? operation.description}</p>
      <div className="operation-confirm small">
        <Toggle
          label={`Ask the customer before ${operation.name} runs`}
          checked={operation.needsConfirmation}
          disabled={!operation.callable}
          onChange={(needsConfirmation) => save({ needsConfirmation })}
        />
        {operation.needsConfirmation === operation.needsConfirmationDefault ? (
          <span className="muted">as its method and schema suggest</span>
        ) : (
          <button
            type="button"
            className="button-quiet"
            onClick={() => void save({ needsConfirmation: null })}
          >
            Back to the default ({operation.needsConfirmationDefault ? 'ask' : "don't ask"})
          </button>
        )}
      </div>
      {operation.callable && <OperationIdentity operation={operation} save={save} />}
      {operation.uncallableReason && <p className="notice notice-error">{operation.uncallableReason}</p>}
      {findings.length > 0 && (
        <details>
          <summary>{count(findings.length, 'lint finding')}</summary>
          <LintList findings={findings} />
        </details>
      )}
      <ErrorNotice error={error} />
      {trying && <TryOperation integrationId={integration.id} operation={operation} />}
    </li>
  );
}

/** The operations list. */
export function OperationsSection({
  integration,
  onChange,
}: {
  integration: IntegrationDetail;
  onChange: (integration: IntegrationDetail) => void;
}) {
  const enabled = integration.operations.filter(
    (operation) => operation.enabled && operation.callable,
  ).length;
  return (
    <section className="card" aria-labelledby="operations">
      <h2 id="operations">Operations</h2>
      <p className="muted">
        {enabled} of {count(integration.operations.length, 'operation')}{' '}
        {enabled === 1 ? 'is a tool' : 'are tools'} the agent may call. Operations that change data ask the
        customer for a plain yes before they run; switch that per operation.
      </p>
      <ul className="operations">
        {integration.operations.map((operation) => (
          <OperationItem
            key={operation.name}
            integration={integration}
            operation={operation}
            onChange={(changed) =>
              onChange({
                ...integration,
                operations: integration.operations.map((entry) =>
                  entry.name === changed.name ? changed : entry,
                ),
              })
            }
          />
        ))}
      </ul>
    </section>
  );
}
