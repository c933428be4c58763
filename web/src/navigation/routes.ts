// A four-page app does not need a router library: the hash names the page (`#/pegawai`), so links,
// reloads and the back button work without server configuration.
import { hasAnyRole, regionalRoles } from '../auth/viewer.ts';
import type { Viewer } from '../auth/viewer.ts';

export const routeNames = ['dasbor', 'pegawai', 'profil', 'diklat'] as const;
export type RouteName = (typeof routeNames)[number];

export function routeHref(route: RouteName): string {
  return `#/${route}`;
}

/** The pages a viewer may open; the API still enforces scope, this only hides pages that would be empty. */
export function visibleRoutes(viewer: Viewer): RouteName[] {
  const regional = hasAnyRole(viewer, regionalRoles);
  return routeNames.filter((route) => {
    if (route === 'dasbor' || route === 'diklat') return regional;
    if (route === 'profil') return viewer.nip !== null;
    return true;
  });
}

export function defaultRoute(viewer: Viewer): RouteName {
  return visibleRoutes(viewer)[0] ?? 'pegawai';
}

/** Reads `#/pegawai` (or `#pegawai`, with or without a query) into a page the viewer may open. */
export function routeFromHash(hash: string, viewer: Viewer): RouteName {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  const visible = visibleRoutes(viewer);
  return (visible as string[]).includes(name) ? (name as RouteName) : defaultRoute(viewer);
}
