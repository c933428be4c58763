// A handful of pages does not need a router library: the hash names the page (`#/pegawai`), so links,
// reloads and the back button work without server configuration. `/workbench` (a path, where the
// gateway sends a browser that opens GET /graphql) is read as `#/workbench`.
import { attendanceRecapRoles, hasAnyRole, performanceUnitRoles, regionalRoles, seesEmployees, trainingRoles } from '../auth/viewer.ts';
import type { Viewer } from '../auth/viewer.ts';
import { maySimulateTpp, tppAdminRoles } from '../tpp/roles.ts';

// Pages added later come after the others, so each role's first page (where a refused page leads) stays the same.
export const routeNames = ['dasbor', 'pegawai', 'profil', 'diklat', 'workbench', 'skp', 'tim', 'kalibrasi', 'kaskade', 'tpp', 'hitung-tpp', 'simulasi-tpp', 'siasn', 'presensi', 'kehadiran', 'cuti', 'persetujuan', 'rekap'] as const;
export type RouteName = (typeof routeNames)[number];

export function routeHref(route: RouteName): string {
  return `#/${route}`;
}

function isRouteName(name: string): name is RouteName {
  return (routeNames as readonly string[]).includes(name);
}

/** Whether the viewer may open a page; the API still enforces scope, this hides pages that would only fail. */
export function mayOpen(viewer: Viewer, route: RouteName): boolean {
  switch (route) {
    case 'dasbor':
    case 'workbench':
      return hasAnyRole(viewer, regionalRoles);
    case 'diklat':
      return hasAnyRole(viewer, trainingRoles);
    case 'profil':
      return viewer.nip !== null;
    case 'pegawai':
      return seesEmployees(viewer);
    case 'tpp':
      return viewer.nip !== null;
    case 'hitung-tpp':
      return hasAnyRole(viewer, tppAdminRoles);
    case 'simulasi-tpp':
      return maySimulateTpp(viewer);
    case 'siasn':
      return hasAnyRole(viewer, ['admin-kepegawaian']);
    case 'skp':
      return viewer.nip !== null;
    case 'tim':
      return viewer.nip !== null && hasAnyRole(viewer, ['atasan']);
    case 'kalibrasi':
    case 'kaskade':
      return hasAnyRole(viewer, performanceUnitRoles);
    // Check-in, the own month and leave requests are the employee's own (a NIP in the token).
    case 'presensi':
    case 'kehadiran':
    case 'cuti':
      return viewer.nip !== null;
    case 'persetujuan':
      return hasAnyRole(viewer, ['atasan']);
    case 'rekap':
      return hasAnyRole(viewer, attendanceRecapRoles);
  }
}

export function visibleRoutes(viewer: Viewer): RouteName[] {
  return routeNames.filter((route) => mayOpen(viewer, route));
}

export function defaultRoute(viewer: Viewer): RouteName {
  return visibleRoutes(viewer)[0] ?? 'pegawai';
}

export interface ResolvedRoute {
  readonly route: RouteName;
  /** The page asked for exists but this viewer may not open it (the page says so instead of a silent switch). */
  readonly refused: RouteName | null;
  /** `#/dasbor?wilayah=32` → { wilayah: '32' }. */
  readonly params: URLSearchParams;
}

/** Reads `#/pegawai` (or `#pegawai`, with or without a query) into a page the viewer may open. */
export function resolveRoute(hash: string, viewer: Viewer, pathname = '/'): ResolvedRoute {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const fromPath = /\/workbench\/?$/.test(pathname) && path === '' ? 'workbench' : path.split('/')[0] ?? '';
  const params = new URLSearchParams(query);
  if (!isRouteName(fromPath)) return { route: defaultRoute(viewer), refused: null, params };
  if (!mayOpen(viewer, fromPath)) return { route: defaultRoute(viewer), refused: fromPath, params };
  return { route: fromPath, refused: null, params };
}

export function routeFromHash(hash: string, viewer: Viewer): RouteName {
  return resolveRoute(hash, viewer).route;
}
