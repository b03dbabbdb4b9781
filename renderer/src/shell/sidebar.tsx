// The sidebar: the product name and the main navigation. NavLink marks the current page with
// aria-current="page", which both screen readers and the styles use.
import { NavLink } from 'react-router';
import { Icon } from '../components/icons';
import { navItems } from './nav-items';
import { CommandCenter } from '../palette/command-center';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">B</span>
        <span className="brand-name">Berth</span>
      </div>
      <CommandCenter />
      <nav aria-label="Main">
        <ul className="nav-list">
          {navItems.map((item) => (
            <li key={item.path}>
              <NavLink to={item.path} end={item.path === '/'} className="nav-link" title={item.label}>
                <Icon name={item.icon} />
                <span className="nav-label">{item.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
