// The chat widget: `<script src=".../widget.js" data-agent="PUBLIC_KEY" async></script>` puts a chat
// bubble on the page. Optional: data-title, data-greeting, data-color, data-identity-token (the
// signed-in customer's identity token). `window.Concierge.identify(token)` and `.logout()` say who
// is signed in later; the `concierge:ready` event says when `window.Concierge` is there.
import { mountChatWidget } from './chat-widget';
import { createWidgetApi } from './widget-api';
import type { IdentitySource } from './widget-identity';

declare global {
  interface Window {
    /** Set once the widget is on the page, so a second script tag adds no second bubble. */
    __conciergeWidget?: HTMLElement;
    /** The page's way to tell the widget who is signed in. */
    Concierge?: {
      /** The signed-in customer's identity token, or a function giving a fresh one when needed. */
      identify(source: IdentitySource): Promise<void>;
      /** The customer signed out. */
      logout(): Promise<void>;
    };
  }
}

const script = (document.currentScript ??
  document.querySelector('script[data-agent][src*="widget"]')) as HTMLScriptElement | null;
const agentKey = script?.dataset.agent;

function start() {
  if (!script || !agentKey || window.__conciergeWidget) return;
  const data = script.dataset;
  const widget = mountChatWidget({
    // The API lives where the script came from.
    api: createWidgetApi(new URL('.', script.src).href, agentKey),
    agentKey,
    title: data.title || 'Chat with us',
    greeting: data.greeting || 'Hi! How can we help you today?',
    accent: /^#[0-9a-f]{3,8}$/i.test(data.color ?? '') ? (data.color as string) : '#0f766e',
    identity: data.identityToken || undefined,
  });
  window.__conciergeWidget = widget.host;
  window.Concierge = { identify: widget.identify, logout: widget.logout };
  window.dispatchEvent(new Event('concierge:ready'));
}

if (!agentKey) console.warn('Concierge widget: add data-agent="PUBLIC_KEY" to the script tag');
else if (document.body) start();
else document.addEventListener('DOMContentLoaded', start);
