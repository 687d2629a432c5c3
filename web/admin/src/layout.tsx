// The frame around every page: top bar with the property switcher, left navigation, main area.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { clearToken } from './api/session';
import { useProperties } from './property-context';
import { Link } from './router';

const sections = [
  { href: '/properties', label: 'Properties' },
  { href: '/agents', label: 'Agents' },
  { href: '/integrations', label: 'Integrations' },
  { href: '/sources', label: 'Sources' },
  { href: '/preview', label: 'Preview' },
  { href: '/logs', label: 'Logs' },
  { href: '/conversations', label: 'Conversations' },
];

/** Whether `path` is inside the section at `href`. */
function isCurrent(href: string, path: string): boolean {
  return path === href || path.startsWith(`${href}/`) || (href === '/properties' && path === '/');
}

/** The layout; `path` marks the current section. */
export function Layout({ path, children }: { path: string; children: ReactNode }) {
  const { properties, current, select } = useProperties();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const selectId = useId();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every page change
  useEffect(() => {
    setMenuOpen(false);
    // After in-app navigation, focus goes to the new page (as a page load would).
    if (firstRender.current) firstRender.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <Link href="/" className="brand">
          Concierge
        </Link>
        <div className="property-switch">
          <label htmlFor={selectId}>Property</label>
          <select
            id={selectId}
            value={current?.id ?? ''}
            onChange={(event) => select(event.target.value)}
            disabled={properties.length === 0}
          >
            {properties.length === 0 && <option value="">No property yet</option>}
            {properties.map((property) => (
              <option key={property.id} value={property.id}>
                {property.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button-quiet sign-out" onClick={clearToken}>
          Sign out
        </button>
      </header>
      <nav id={navId} className={`sidebar${menuOpen ? ' open' : ''}`} aria-label="Sections">
        <ul>
          {sections.map((section) => (
            <li key={section.href}>
              <Link href={section.href} aria-current={isCurrent(section.href, path) ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
