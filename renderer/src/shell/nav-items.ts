// The pages in the sidebar, in order. The router and the sidebar both read this list.
import type { IconName } from '../components/icons';

export interface NavItem {
  path: string;
  label: string;
  icon: IconName;
}

export const navItems: readonly NavItem[] = [
  { path: '/', label: 'Dashboard', icon: 'dashboard' },
  { path: '/containers', label: 'Containers', icon: 'containers' },
  { path: '/images', label: 'Images', icon: 'images' },
  { path: '/registries', label: 'Registries', icon: 'registries' },
  { path: '/replicas', label: 'Replicas', icon: 'replicas' },
  { path: '/volumes', label: 'Volumes', icon: 'volumes' },
  { path: '/networks', label: 'Networks', icon: 'networks' },
  { path: '/engine', label: 'Engine', icon: 'engine' },
  { path: '/settings', label: 'Settings', icon: 'settings' },
];
