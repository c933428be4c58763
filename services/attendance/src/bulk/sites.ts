// Where generated offices stand and which zone their day is in. The Kemendagri list has no coordinates,
// so each province gets the approximate centre of its capital area (with the demo regency, Karawang,
// named on its own); offices of a regency are spread a few kilometres around a point derived from the
// regency's code, and each OPD's office a few hundred metres apart from the others. Good enough for a
// demo map and for geofenced check-ins; real offices are registered with registerOffice/addGeofence.
import { createHash } from 'node:crypto';
import type { OfficeTimeZone } from '../domain/office-time.ts';

interface Site {
  latitude: number;
  longitude: number;
}

const provinceCentres: Readonly<Record<string, Site>> = {
  '11': { latitude: 4.69, longitude: 96.75 },
  '12': { latitude: 2.12, longitude: 99.55 },
  '13': { latitude: -0.74, longitude: 100.8 },
  '14': { latitude: 0.29, longitude: 101.71 },
  '15': { latitude: -1.61, longitude: 103.61 },
  '16': { latitude: -3.32, longitude: 104.91 },
  '17': { latitude: -3.79, longitude: 102.26 },
  '18': { latitude: -4.56, longitude: 105.41 },
  '19': { latitude: -2.74, longitude: 106.44 },
  '21': { latitude: 0.92, longitude: 104.45 },
  '31': { latitude: -6.21, longitude: 106.85 },
  '32': { latitude: -6.91, longitude: 107.61 },
  '33': { latitude: -7.15, longitude: 110.14 },
  '34': { latitude: -7.8, longitude: 110.36 },
  '35': { latitude: -7.54, longitude: 112.24 },
  '36': { latitude: -6.41, longitude: 106.06 },
  '51': { latitude: -8.41, longitude: 115.19 },
  '52': { latitude: -8.65, longitude: 117.36 },
  '53': { latitude: -8.66, longitude: 121.08 },
  '61': { latitude: -0.28, longitude: 111.48 },
  '62': { latitude: -1.68, longitude: 113.38 },
  '63': { latitude: -3.09, longitude: 115.28 },
  '64': { latitude: 0.54, longitude: 116.42 },
  '65': { latitude: 3.07, longitude: 116.04 },
  '71': { latitude: 0.62, longitude: 123.97 },
  '72': { latitude: -1.43, longitude: 121.45 },
  '73': { latitude: -3.67, longitude: 119.97 },
  '74': { latitude: -4.14, longitude: 122.17 },
  '75': { latitude: 0.7, longitude: 122.45 },
  '76': { latitude: -2.84, longitude: 119.23 },
  '81': { latitude: -3.24, longitude: 130.15 },
  '82': { latitude: 1.57, longitude: 127.81 },
  '91': { latitude: -2.53, longitude: 140.72 },
  '92': { latitude: -0.86, longitude: 134.06 },
  '93': { latitude: -8.5, longitude: 140.4 },
  '94': { latitude: -3.36, longitude: 135.5 },
  '95': { latitude: -4.09, longitude: 138.95 },
  '96': { latitude: -0.88, longitude: 131.25 },
};

/** Regencies whose centre is known here (the demo users' regency). */
const regencyCentres: Readonly<Record<string, Site>> = {
  '32.15': { latitude: -6.3, longitude: 107.3 },
};

const witaProvinces = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const witProvinces = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function zoneOfRegion(regionCode: string): OfficeTimeZone {
  const province = regionCode.slice(0, 2);
  if (witaProvinces.has(province)) return 'Asia/Makassar';
  if (witProvinces.has(province)) return 'Asia/Jayapura';
  return 'Asia/Jakarta';
}

/** Two numbers in [-0.5, 0.5) from a key, the same on every run. */
function spread(key: string): [number, number] {
  const digest = createHash('sha1').update(key).digest();
  return [digest.readUInt16BE(0) / 65_536 - 0.5, digest.readUInt16BE(2) / 65_536 - 0.5];
}

function regionCentre(regionCode: string): Site {
  const known = regencyCentres[regionCode];
  if (known) return known;
  const province = provinceCentres[regionCode.slice(0, 2)] ?? provinceCentres['31'] as Site;
  if (!regionCode.includes('.')) return province;
  // Regencies without a known centre: within about 30 km of the province's centre.
  const [dLat, dLon] = spread(`regency/${regionCode}`);
  return { latitude: province.latitude + dLat * 0.5, longitude: province.longitude + dLon * 0.5 };
}

/** An office's fence centre: within about 1.5 km of its region's centre, rounded to 6 decimals (~0.1 m). */
export function officeSite(regionCode: string, unitId: string): Site {
  const centre = regionCentre(regionCode);
  const [dLat, dLon] = spread(`office/${unitId}`);
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return { latitude: round(centre.latitude + dLat * 0.03), longitude: round(centre.longitude + dLon * 0.03) };
}

/** A jitter in [0, max) minutes for an (employee, date), so on-time arrivals are not all at one minute. */
export function minutesJitter(key: string, max: number): number {
  return createHash('sha1').update(key).digest().readUInt16BE(0) % max;
}
