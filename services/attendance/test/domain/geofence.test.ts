// DOMAIN.md "Attendance and discipline": mobile check-ins need GPS inside an office geofence (e.g. 50 m);
// issue 11: outside every fence, or with an accuracy worse than the radius, refused with the distance.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GEOFENCE_RADIUS_METERS, checkGeofence, haversineMeters, positionProblem, type Geofence } from '../../src/domain/geofence.ts';

// Kantor Bupati Karawang (approximate) and a second gate 300 m east.
const office: Geofence = { id: 'f1', name: 'Kantor Bupati', latitude: -6.3048, longitude: 107.3036, radiusMeters: DEFAULT_GEOFENCE_RADIUS_METERS };
const gate: Geofence = { id: 'f2', name: 'Gerbang Timur', latitude: -6.3048, longitude: 107.3063, radiusMeters: 80 };
/** One thousandth of a degree of latitude ≈ 111.2 m. */
const north = (meters: number) => ({ latitude: office.latitude + meters / 111_195, longitude: office.longitude });

describe('haversineMeters', () => {
  it.each([
    { name: 'same point', a: { latitude: -6.2, longitude: 106.8 }, b: { latitude: -6.2, longitude: 106.8 }, meters: 0 },
    { name: '0.001° of latitude', a: { latitude: 0, longitude: 0 }, b: { latitude: 0.001, longitude: 0 }, meters: 111 },
    // Monas (Jakarta) to Gedung Sate (Bandung): about 119 km as the crow flies.
    { name: 'Monas to Gedung Sate', a: { latitude: -6.1754, longitude: 106.8272 }, b: { latitude: -6.9025, longitude: 107.6188 }, meters: 118_900 },
  ])('$name ≈ $meters m', ({ a, b, meters }) => {
    expect(Math.abs(haversineMeters(a, b) - meters)).toBeLessThanOrEqual(Math.max(1, meters * 0.01));
  });
});

describe('checkGeofence', () => {
  it.each([
    { name: 'at the centre, good fix', position: north(0), accuracy: 10, accepted: true, fence: 'f1' },
    { name: '45 m away, 20 m accuracy', position: north(45), accuracy: 20, accepted: true, fence: 'f1' },
    { name: 'on the 50 m edge', position: north(49.9), accuracy: 50, accepted: true, fence: 'f1' },
    { name: 'inside the second fence of the office', position: { latitude: -6.3048, longitude: 107.3066 }, accuracy: 30, accepted: true, fence: 'f2' },
  ])('accepts $name', ({ position, accuracy, fence }) => {
    const decision = checkGeofence(position, accuracy, [office, gate]);
    expect(decision.accepted).toBe(true);
    if (decision.accepted) expect(decision.fence.id).toBe(fence);
  });

  it('refuses 120 m away naming the distance and the radius', () => {
    const decision = checkGeofence(north(120), 10, [office]);
    expect(decision).toMatchObject({ accepted: false, reason: 'outside_geofence', distanceMeters: 120 });
    if (!decision.accepted) expect(decision.message).toBe('Lokasi Anda 120 m dari Kantor Bupati, di luar radius 50 m');
  });

  it('refuses an accuracy worse than the radius even at the centre', () => {
    const decision = checkGeofence(north(5), 75, [office]);
    expect(decision).toMatchObject({ accepted: false, reason: 'accuracy_too_low', distanceMeters: 5 });
    if (!decision.accepted) expect(decision.message).toContain('75 m');
  });

  it('names the nearest fence when outside all of them', () => {
    const decision = checkGeofence({ latitude: -6.3048, longitude: 107.312 }, 10, [office, gate]);
    if (decision.accepted) throw new Error('expected a refusal');
    expect(decision.message).toContain('Gerbang Timur');
  });

  it('refuses when the office has no fence', () => {
    expect(checkGeofence(north(0), 5, [])).toMatchObject({ accepted: false, reason: 'no_geofence', distanceMeters: null });
  });
});

describe('positionProblem', () => {
  it.each([
    { latitude: 91, longitude: 0, accuracy: 5, problem: true },
    { latitude: 0, longitude: -181, accuracy: 5, problem: true },
    { latitude: 0, longitude: 0, accuracy: 0, problem: true },
    { latitude: Number.NaN, longitude: 0, accuracy: 5, problem: true },
    { latitude: -6.3, longitude: 107.3, accuracy: 12, problem: false },
  ])('($latitude, $longitude ± $accuracy) problem=$problem', ({ latitude, longitude, accuracy, problem }) => {
    expect(positionProblem({ latitude, longitude }, accuracy) !== null).toBe(problem);
  });
});
