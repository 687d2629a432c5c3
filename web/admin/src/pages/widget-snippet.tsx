// The one script tag that puts this agent's chat bubble on a website.
import { useState } from 'react';
import type { Agent } from '../api/types';
import { CodeBlock } from '../components/code-block';

/** The snippet with a copy button. */
export function WidgetSnippet({ agent }: { agent: Agent }) {
  const [copied, setCopied] = useState(false);
  const snippet = `<script src="${location.origin}/widget.js" data-agent="${agent.publicKey}" async></script>`;
  async function copy() {
    await navigator.clipboard.writeText(snippet).catch(() => undefined);
    setCopied(true);
  }
  return (
    <section className="card" aria-labelledby="install-widget">
      <h2 id="install-widget">Put it on your website</h2>
      <p className="muted">
        Paste this before &lt;/body&gt; on every page where the chat bubble should appear.
      </p>
      <CodeBlock label="Widget script tag" value={snippet} />
      <div className="form-actions">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <span role="status" className="muted">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </section>
  );
}
