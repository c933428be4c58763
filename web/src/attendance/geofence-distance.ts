// The Presensi page shows how far the device is from the office's fences before it sends anything; the
// server decides with the same great-circle distance (services/attendance/src/domain/geofence.ts).
import type { GeofenceView } from '../graphql/documents/attendance.ts';

/** IUGG mean Earth radius, as the server uses. */
const EARTH_RADIUS_METERS = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

export interface Coordinates {
  readonly latitude: number;
  readonly longitude: number;
}

export function greatCircleMeters(from: Coordinates, to: Coordinates): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The nearest fence and the whole metres to it; null when the office has none. */
export function nearestFence(position: Coordinates, fences: readonly GeofenceView[]): { fence: GeofenceView; meters: number } | null {
  let best: { fence: GeofenceView; meters: number } | null = null;
  for (const fence of fences) {
    const meters = Math.round(greatCircleMeters(position, fence));
    if (best === null || meters < best.meters) best = { fence, meters };
  }
  return best;
}
