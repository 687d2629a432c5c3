// The admin app: sign-in until a token is stored, then the layout with the page for the current path.
import { type ReactElement, useEffect, useState } from 'react';
import { onTokenChange, readToken } from './api/session';
import { Layout } from './layout';
import { AddIntegrationPage } from './pages/add-integration-page';
import { AgentPage } from './pages/agent-page';
import { AgentsPage } from './pages/agents-page';
import { ConversationPage } from './pages/conversation-page';
import { ConversationsPage } from './pages/conversations-page';
import { IntegrationCatalogPage } from './pages/integration-catalog-page';
import { IntegrationPage } from './pages/integration-page';
import { IntegrationsPage } from './pages/integrations-page';
import { LogPage } from './pages/log-page';
import { LogsPage } from './pages/logs-page';
import { NotFoundPage } from './pages/not-found-page';
import { PreviewPage } from './pages/preview-page';
import { PropertiesPage } from './pages/properties-page';
import { SignInPage } from './pages/sign-in-page';
import { SourcePage } from './pages/source-page';
import { SourcesPage } from './pages/sources-page';
import { PropertyProvider } from './property-context';
import { matchPath, useLocation } from './router';

/** Picks the page for `path`. */
function renderPage(path: string) {
  const routes: [string, (params: Record<string, string>) => ReactElement][] = [
    ['/', () => <PropertiesPage />],
    ['/properties', () => <PropertiesPage />],
    ['/agents', () => <AgentsPage />],
    ['/agents/:id', ({ id }) => <AgentPage key={id} agentId={id} />],
    ['/integrations', () => <IntegrationsPage />],
    ['/integrations/add', () => <IntegrationCatalogPage />],
    ['/integrations/add/openapi', () => <AddIntegrationPage />],
    ['/integrations/:id', ({ id }) => <IntegrationPage key={id} integrationId={id} />],
    ['/sources', () => <SourcesPage />],
    ['/sources/:id', ({ id }) => <SourcePage key={id} sourceId={id} />],
    ['/preview', () => <PreviewPage />],
    ['/logs', () => <LogsPage />],
    ['/logs/:id', ({ id }) => <LogPage key={id} logId={id} />],
    ['/conversations', () => <ConversationsPage />],
    ['/conversations/:id', ({ id }) => <ConversationPage key={id} conversationId={id} />],
  ];
  for (const [pattern, render] of routes) {
    const params = matchPath(pattern, path);
    if (params) return render(params);
  }
  return <NotFoundPage />;
}

/** The whole admin app. */
export function App() {
  const [token, setToken] = useState(readToken);
  const { path } = useLocation();
  useEffect(() => onTokenChange(() => setToken(readToken())), []);
  if (!token) return <SignInPage />;
  return (
    <PropertyProvider>
      <Layout path={path}>{renderPage(path)}</Layout>
    </PropertyProvider>
  );
}
