// The chat widget: `<script src=".../widget.js" data-agent="PUBLIC_KEY" async></script>` puts a chat
// bubble on the page. Optional: data-title, data-greeting, data-color.
import { mountChatWidget } from './chat-widget';
import { createWidgetApi } from './widget-api';

declare global {
  interface Window {
    /** Set once the widget is on the page, so a second script tag adds no second bubble. */
    __conciergeWidget?: HTMLElement;
  }
}

const script = (document.currentScript ??
  document.querySelector('script[data-agent][src*="widget"]')) as HTMLScriptElement | null;
const agentKey = script?.dataset.agent;

function start() {
  if (!script || !agentKey || window.__conciergeWidget) return;
  const data = script.dataset;
  window.__conciergeWidget = mountChatWidget({
    // The API lives where the script came from.
    api: createWidgetApi(new URL('.', script.src).href, agentKey),
    agentKey,
    title: data.title || 'Chat with us',
    greeting: data.greeting || 'Hi! How can we help you today?',
    accent: /^#[0-9a-f]{3,8}$/i.test(data.color ?? '') ? (data.color as string) : '#0f766e',
  });
}

if (!agentKey) console.warn('Concierge widget: add data-agent="PUBLIC_KEY" to the script tag');
else if (document.body) start();
else document.addEventListener('DOMContentLoaded', start);
