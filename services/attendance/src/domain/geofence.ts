// Mobile check-in inside an office geofence (DOMAIN.md "Attendance and discipline": GPS inside an office
// geofence, e.g. 50 m). Distance by haversine on the mean Earth radius; a fix whose accuracy is worse than
// the fence's radius cannot show the employee is inside, so it is refused as well.

export const DEFAULT_GEOFENCE_RADIUS_METERS = 50;
/** IUGG mean Earth radius. */
const EARTH_RADIUS_METERS = 6_371_008.8;

export interface Position {
  readonly latitude: number;
  readonly longitude: number;
}

export interface Geofence extends Position {
  readonly id: string;
  readonly name: string;
  readonly radiusMeters: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export function haversineMeters(a: Position, b: Position): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function positionProblem(position: Position, accuracyMeters: number): string | null {
  if (!Number.isFinite(position.latitude) || position.latitude < -90 || position.latitude > 90) return 'Lintang harus antara -90 dan 90';
  if (!Number.isFinite(position.longitude) || position.longitude < -180 || position.longitude > 180) return 'Bujur harus antara -180 dan 180';
  if (!Number.isFinite(accuracyMeters) || accuracyMeters <= 0) return 'Akurasi lokasi harus lebih dari 0 meter';
  return null;
}

export type GeofenceDecision =
  | { accepted: true; fence: Geofence; distanceMeters: number }
  | { accepted: false; reason: 'no_geofence' | 'outside_geofence' | 'accuracy_too_low'; distanceMeters: number | null; message: string };

/**
 * Accepted when some fence has the position within its radius and the accuracy no worse than that
 * radius; otherwise refused naming the nearest fence and the distance to it (whole metres).
 */
export function checkGeofence(position: Position, accuracyMeters: number, fences: readonly Geofence[]): GeofenceDecision {
  if (fences.length === 0) return { accepted: false, reason: 'no_geofence', distanceMeters: null, message: 'Kantor Anda belum memiliki titik lokasi presensi' };
  const measured = fences.map((fence) => ({ fence, distance: haversineMeters(position, fence) })).sort((a, b) => a.distance - b.distance);
  const inside = measured.find(({ fence, distance }) => distance <= fence.radiusMeters && accuracyMeters <= fence.radiusMeters);
  if (inside !== undefined) return { accepted: true, fence: inside.fence, distanceMeters: Math.round(inside.distance) };
  const nearest = measured[0] as { fence: Geofence; distance: number };
  const meters = Math.round(nearest.distance);
  if (nearest.distance <= nearest.fence.radiusMeters) {
    return {
      accepted: false,
      reason: 'accuracy_too_low',
      distanceMeters: meters,
      message: `Akurasi lokasi ${Math.round(accuracyMeters)} m lebih buruk dari radius ${nearest.fence.radiusMeters} m ${nearest.fence.name} (jarak ${meters} m); coba lagi di tempat terbuka`,
    };
  }
  return {
    accepted: false,
    reason: 'outside_geofence',
    distanceMeters: meters,
    message: `Lokasi Anda ${meters} m dari ${nearest.fence.name}, di luar radius ${nearest.fence.radiusMeters} m`,
  };
}
