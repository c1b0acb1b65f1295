/**
 * Places of appeals and community issues: geohash cells (for "is there already an open issue
 * near here?" lookups keyed by cell), great-circle distances, and the place schema.
 *
 * Geohash: the standard base32 scheme (geohash.org). Bits alternate longitude, latitude, starting
 * with longitude; each character holds 5 bits. At precision 7 (35 bits: 18 longitude, 17 latitude)
 * a cell is 180°/2^17 ≈ 0.00137° tall ≈ 153 m, and 360°/2^18 ≈ 0.00137° wide, which is 153 m at
 * the equator but 153 m × cos(latitude) elsewhere: ≈ 141 m in Guangzhou (23.1°N).
 */
import * as z from 'zod';
import { lazy } from '../api/lazy';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface GeohashBox {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
  center: LatLng;
}

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
const BASE32_INDEX = new Map([...BASE32].map((ch, i) => [ch, i]));

/** The precision used for work-order cells: ≈153 m × 141 m in Guangzhou. */
export const CELL_PRECISION = 7;

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const bitsOf = (precision: number) => {
  const total = precision * 5;
  return { lngBits: Math.ceil(total / 2), latBits: Math.floor(total / 2) };
};

function checkPrecision(precision: number): void {
  if (!Number.isInteger(precision) || precision < 1 || precision > 12) {
    throw new RangeError(`geohash precision must be an integer 1..12, got ${precision}`);
  }
}

/** Index of the interval holding v when [lo, hi] is halved `bits` times (ties go up, as in the spec). */
function bisect(v: number, lo: number, hi: number, bits: number): number {
  let index = 0;
  for (let i = 0; i < bits; i++) {
    const mid = (lo + hi) / 2;
    if (v >= mid) {
      index = index * 2 + 1;
      lo = mid;
    } else {
      index = index * 2;
      hi = mid;
    }
  }
  return index;
}

/** Interleaves column (longitude) and row (latitude) indices into a geohash string. */
function hashOfCell(x: number, y: number, precision: number): string {
  const { lngBits, latBits } = bitsOf(precision);
  let out = '';
  let chunk = 0;
  let xi = lngBits;
  let yi = latBits;
  for (let b = 0; b < precision * 5; b++) {
    const bit = b % 2 === 0 ? Math.floor(x / 2 ** --xi) % 2 : Math.floor(y / 2 ** --yi) % 2;
    chunk = chunk * 2 + bit;
    if (b % 5 === 4) {
      out += BASE32[chunk];
      chunk = 0;
    }
  }
  return out;
}

/** Column (longitude) and row (latitude) indices of a hash, counted from the south-west. */
function cellOfHash(hash: string): { x: number; y: number; precision: number } {
  const h = hash.toLowerCase();
  checkPrecision(h.length);
  let x = 0;
  let y = 0;
  let b = 0;
  for (const ch of h) {
    const v = BASE32_INDEX.get(ch);
    if (v === undefined) throw new RangeError(`not a geohash character: '${ch}' in '${hash}'`);
    for (let k = 4; k >= 0; k--, b++) {
      const bit = (v >> k) & 1;
      if (b % 2 === 0) x = x * 2 + bit;
      else y = y * 2 + bit;
    }
  }
  return { x, y, precision: h.length };
}

function boxOfCell(x: number, y: number, precision: number): GeohashBox {
  const { lngBits, latBits } = bitsOf(precision);
  const w = 360 / 2 ** lngBits;
  const h = 180 / 2 ** latBits;
  const minLng = -180 + x * w;
  const minLat = -90 + y * h;
  return {
    minLat,
    minLng,
    maxLat: minLat + h,
    maxLng: minLng + w,
    center: { lat: minLat + h / 2, lng: minLng + w / 2 },
  };
}

/** The geohash of a point, e.g. encodeGeohash(57.64911, 10.40744, 11) === 'u4pruydqqvj'. */
export function encodeGeohash(lat: number, lng: number, precision = CELL_PRECISION): string {
  checkPrecision(precision);
  if (!(lat >= -90 && lat <= 90)) throw new RangeError(`latitude out of range: ${lat}`);
  if (!(lng >= -180 && lng <= 180)) throw new RangeError(`longitude out of range: ${lng}`);
  const { lngBits, latBits } = bitsOf(precision);
  return hashOfCell(bisect(lng, -180, 180, lngBits), bisect(lat, -90, 90, latBits), precision);
}

/** The cell's bounding box (south-west inclusive) and centre. Case-insensitive. */
export function decodeGeohash(hash: string): GeohashBox {
  const { x, y, precision } = cellOfHash(hash);
  return boxOfCell(x, y, precision);
}

export function boxContains(box: Omit<GeohashBox, 'center'>, p: LatLng): boolean {
  return p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng;
}

/**
 * The cells around `hash` at the same precision, in the order N, NE, E, SE, S, SW, W, NW.
 * Longitude wraps at ±180°; rows beyond a pole do not exist, so a cell touching a pole has
 * only 5 neighbours (the missing ones are left out).
 */
export function neighbors(hash: string): string[] {
  const { x, y, precision } = cellOfHash(hash);
  const { lngBits, latBits } = bitsOf(precision);
  const cols = 2 ** lngBits;
  const rows = 2 ** latBits;
  const around: Array<[number, number]> = [
    [0, 1],
    [1, 1],
    [1, 0],
    [1, -1],
    [0, -1],
    [-1, -1],
    [-1, 0],
    [-1, 1],
  ];
  const out: string[] = [];
  for (const [dx, dy] of around) {
    const ny = y + dy;
    if (ny < 0 || ny >= rows) continue;
    out.push(hashOfCell((((x + dx) % cols) + cols) % cols, ny, precision));
  }
  return out;
}

const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;

/** Great-circle distance in metres on a sphere of the mean Earth radius (error ≤ 0.5%). */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** The point `meters` away from `from` along the initial bearing (degrees clockwise from north). */
export function destination(from: LatLng, bearingDegrees: number, meters: number): LatLng {
  const d = meters / EARTH_RADIUS_METERS;
  const t = toRad(bearingDegrees);
  const p1 = toRad(from.lat);
  const l1 = toRad(from.lng);
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
  const l2 = l1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lat: toDeg(p2), lng: ((toDeg(l2) + 540) % 360) - 180 };
}

/** The largest radius `cellsWithin` accepts: it keeps a lookup to at most 16 cells (4 × 4). */
export const MAX_CELL_RADIUS_METERS = 200;

/**
 * The precision-7 cells that together cover the circle of `radiusMeters` around `center`, so a
 * lookup of "items within r metres" needs one query per cell and then an exact distance filter.
 *
 * The cells are those meeting the circle's bounding box, less the corner cells the circle itself
 * does not reach. Why centre + 8 neighbours is enough for 100 m: the 3 × 3 block reaches at least
 * one whole cell beyond every edge of the centre cell, and the centre lies inside the centre cell,
 * so every point closer than the smaller of one cell width (≈141 m in Guangzhou, 153 m ×
 * cos(latitude) in general) and one cell height (≈153 m) is inside the block. The result here is always a subset of
 * that block for 100 m at Guangzhou's latitude, and usually smaller (4–7 cells, corners the circle
 * misses are left out). Up to 200 m it may need a 4 × 4 block (≤ 16 queries), which the box
 * walk gives.
 * (Above ≈49° latitude cells are narrower than 100 m; the walk still covers them, with more cells.)
 */
export function cellsWithin(center: LatLng, radiusMeters: number): string[] {
  if (!(radiusMeters >= 0 && radiusMeters <= MAX_CELL_RADIUS_METERS)) {
    throw new RangeError(`radius must be 0..${MAX_CELL_RADIUS_METERS} m, got ${radiusMeters}`);
  }
  const precision = CELL_PRECISION;
  const { lngBits, latBits } = bitsOf(precision);
  const cols = 2 ** lngBits;
  const rows = 2 ** latBits;
  const w = 360 / cols;
  const h = 180 / rows;

  // Bounding box of the spherical cap: latitude ± δ exactly; longitude ± asin(sin δ / cos φ).
  const delta = radiusMeters / EARTH_RADIUS_METERS;
  const dLat = toDeg(delta);
  const cosLat = Math.cos(toRad(center.lat));
  const dLng = cosLat > Math.sin(delta) ? toDeg(Math.asin(Math.sin(delta) / cosLat)) : 180;

  const y0 = Math.max(0, Math.floor((center.lat - dLat + 90) / h));
  const y1 = Math.min(rows - 1, Math.floor((center.lat + dLat + 90) / h));
  const x0 = Math.floor((center.lng - dLng + 180) / w);
  const x1 = Math.floor((center.lng + dLng + 180) / w);

  // Nearest point of a cell to the centre, by clamping; good to well under a millimetre at these
  // sizes, and a 1 m slack keeps any cell the circle might touch.
  const SLACK_METERS = 1;
  const out = new Set<string>();
  for (let y = y0; y <= y1; y++) {
    for (let xr = x0; xr <= x1 && xr - x0 < cols; xr++) {
      const x = ((xr % cols) + cols) % cols;
      const minLat = -90 + y * h;
      const minLng = -180 + xr * w; // unwrapped, to compare with the unwrapped centre
      const nearest = {
        lat: Math.min(Math.max(center.lat, minLat), minLat + h),
        lng: Math.min(Math.max(center.lng, minLng), minLng + w),
      };
      if (haversineMeters(center, nearest) <= radiusMeters + SLACK_METERS) out.add(hashOfCell(x, y, precision));
    }
  }
  return [...out];
}

/**
 * An approximate bounding box of Yuexiu district (越秀区, ≈34 km²; roughly 23°06′–23°10′N,
 * 113°14′–113°19′E), with a few hundred metres of margin. It is a rectangle, not the district's
 * outline: it also takes in slivers of 荔湾, 海珠 (across the river), 天河 and 白云. Good enough to
 * catch a wrong pin or a place in another city; the dispatcher handles the near misses.
 */
export const YUEXIU_BOUNDS = { minLat: 23.1, maxLat: 23.17, minLng: 113.23, maxLng: 113.322 } as const;

export function isInYuexiu(p: LatLng): boolean {
  return boxContains(YUEXIU_BOUNDS, p);
}

export const OUTSIDE_YUEXIU_MESSAGE = '位置不在越秀区范围内';

/** A place's written address, at most this many characters. */
export const PLACE_ADDRESS_MAX = 120;

/** A place on the map with its written address (as chosen on the map picker, or typed). */
export const Place = lazy(() =>
  z.object({
    lat: z
      .number({ error: (i) => (i.input === undefined ? '请选择位置' : '纬度应为数字') })
      .min(-90, { error: '纬度应在 -90 到 90 之间' })
      .max(90, { error: '纬度应在 -90 到 90 之间' }),
    lng: z
      .number({ error: (i) => (i.input === undefined ? '请选择位置' : '经度应为数字') })
      .min(-180, { error: '经度应在 -180 到 180 之间' })
      .max(180, { error: '经度应在 -180 到 180 之间' }),
    address: z
      .string({ error: (i) => (i.input === undefined ? '请填写地址' : '地址应为文字') })
      .trim()
      .min(2, { error: '地址至少 2 个字' })
      .max(PLACE_ADDRESS_MAX, { error: `地址不能超过 ${PLACE_ADDRESS_MAX} 个字` }),
  }),
);
export type Place = z.infer<typeof Place>;

/**
 * A place that must lie in Yuexiu (approximately, see YUEXIU_BOUNDS). The issue is on the place
 * itself (path []), and is only raised when the place is otherwise valid, so a bad latitude is not
 * also reported as "outside Yuexiu".
 */
export const PlaceInYuexiu = lazy(() =>
  Place.refine(isInYuexiu, {
    error: OUTSIDE_YUEXIU_MESSAGE,
    when: (payload) => payload.issues.length === 0,
  }),
);
