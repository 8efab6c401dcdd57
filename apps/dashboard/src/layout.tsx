import { useRef } from 'react';
import { NavLink, Outlet } from 'react-router';
import { LiveStatusContext } from './live/live-status-context';
import { useLiveEvents } from './live/use-live-events';
import { useFocusMainOnNavigate } from './navigation/use-focus-main-on-navigate';

/** Skip link, header, navigation and main landmark around every page; owns the live connection. */
export function Layout() {
  const liveStatus = useLiveEvents();
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(main);
  return (
    <LiveStatusContext value={liveStatus}>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <NavLink to="/" className="site-header__name">
            wardreach
          </NavLink>
          <span className="site-header__tagline">Councillors&rsquo; social-media footprint</span>
        </div>
      </header>
      <nav className="site-nav" aria-label="Main">
        <div className="container">
          <ul>
            <li>
              <NavLink to="/" end>
                Council overview
              </NavLink>
            </li>
            <li>
              <NavLink to="/support">Member support</NavLink>
            </li>
            <li>
              <NavLink to="/wards">Wards</NavLink>
            </li>
            <li>
              <NavLink to="/pilot">Pilot outcomes</NavLink>
            </li>
            <li>
              <NavLink to="/admin/collection">Collection</NavLink>
            </li>
          </ul>
        </div>
      </nav>
      <main id="main" className="container" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          Only public data is collected. Residents are never named: figures about followers are counts.
        </div>
      </footer>
    </LiveStatusContext>
  );
}
