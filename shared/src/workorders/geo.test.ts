import {
  CELL_PRECISION,
  OUTSIDE_YUEXIU_MESSAGE,
  Place,
  PlaceInYuexiu,
  YUEXIU_BOUNDS,
  boxContains,
  cellsWithin,
  decodeGeohash,
  destination,
  encodeGeohash,
  haversineMeters,
  isInYuexiu,
  neighbors,
  type LatLng,
} from './geo';

const GUANGZHOU: LatLng = { lat: 23.1291, lng: 113.2644 };
const messages = (r: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('geohash', () => {
  it('encodes the known values', () => {
    expect(encodeGeohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj'); // geohash.org / Wikipedia example
    expect(encodeGeohash(42.6, -5.6, 5)).toBe('ezs42');
    expect(encodeGeohash(GUANGZHOU.lat, GUANGZHOU.lng, 7)).toBe('ws0e96s');
    expect(encodeGeohash(GUANGZHOU.lat, GUANGZHOU.lng)).toHaveLength(CELL_PRECISION);
    // Prefixes: a coarser hash is a prefix of a finer one.
    expect(encodeGeohash(GUANGZHOU.lat, GUANGZHOU.lng, 12).startsWith('ws0e96s')).toBe(true);
  });

  it('rejects bad input', () => {
    expect(() => encodeGeohash(91, 0)).toThrow(RangeError);
    expect(() => encodeGeohash(0, 181)).toThrow(RangeError);
    expect(() => encodeGeohash(Number.NaN, 0)).toThrow(RangeError);
    expect(() => encodeGeohash(0, 0, 0)).toThrow(RangeError);
    expect(() => encodeGeohash(0, 0, 13)).toThrow(RangeError);
    expect(() => decodeGeohash('ws0a')).toThrow(RangeError); // 'a' is not in the alphabet
    expect(() => decodeGeohash('')).toThrow(RangeError);
  });

  it('decodes to a box that contains the point, with the centre inside', () => {
    const box = decodeGeohash('ws0e96s');
    expect(boxContains(box, GUANGZHOU)).toBe(true);
    expect(boxContains(box, box.center)).toBe(true);
    expect(encodeGeohash(box.center.lat, box.center.lng, 7)).toBe('ws0e96s');
    // Precision 7 is ≈153 m tall everywhere, ≈141 m wide at Guangzhou.
    const sw = { lat: box.minLat, lng: box.minLng };
    expect(haversineMeters(sw, { lat: box.maxLat, lng: box.minLng })).toBeCloseTo(152.7, 0);
    expect(haversineMeters(sw, { lat: box.minLat, lng: box.maxLng })).toBeCloseTo(140.4, 0);
    expect(decodeGeohash('WS0E96S')).toEqual(box);

    const spec = decodeGeohash('u4pruydqqvj');
    expect(boxContains(spec, { lat: 57.64911, lng: 10.40744 })).toBe(true);
    expect(spec.center.lat).toBeCloseTo(57.64911, 5);
    expect(spec.center.lng).toBeCloseTo(10.40744, 5);
  });

  it('gives 8 distinct adjacent neighbours', () => {
    expect(neighbors('ezs42')).toEqual(['ezs48', 'ezs49', 'ezs43', 'ezs41', 'ezs40', 'ezefp', 'ezefr', 'ezefx']);
    const hash = 'ws0e96s';
    const box = decodeGeohash(hash);
    const around = neighbors(hash);
    expect(new Set(around).size).toBe(8);
    expect(around).not.toContain(hash);
    const h = box.maxLat - box.minLat;
    const w = box.maxLng - box.minLng;
    for (const n of around) {
      expect(n).toHaveLength(7);
      const b = decodeGeohash(n);
      // Same size, offset by exactly one cell in each axis (not both zero).
      const dy = Math.round((b.minLat - box.minLat) / h);
      const dx = Math.round((b.minLng - box.minLng) / w);
      expect(Math.abs(dx)).toBeLessThanOrEqual(1);
      expect(Math.abs(dy)).toBeLessThanOrEqual(1);
      expect(dx !== 0 || dy !== 0).toBe(true);
      expect(b.minLat).toBeCloseTo(box.minLat + dy * h, 12);
      expect(b.minLng).toBeCloseTo(box.minLng + dx * w, 12);
    }
  });

  it('wraps neighbours at the antimeridian and drops rows beyond a pole', () => {
    const east = encodeGeohash(0.5, 179.99, 5);
    const eastNeighbours = neighbors(east);
    expect(eastNeighbours).toHaveLength(8);
    expect(eastNeighbours.some((n) => decodeGeohash(n).minLng === -180)).toBe(true);
    expect(neighbors(encodeGeohash(89.99, 10, 5))).toHaveLength(5);
  });
});

describe('distances', () => {
  it('measures 1° of latitude as ≈111 km', () => {
    const d = haversineMeters({ lat: 23, lng: 113 }, { lat: 24, lng: 113 });
    expect(Math.abs(d - 111_000) / 111_000).toBeLessThan(0.005);
    expect(haversineMeters(GUANGZHOU, GUANGZHOU)).toBe(0);
  });

  it('measures a known city distance (Guangzhou – Beijing ≈ 1,888 km)', () => {
    const beijing = { lat: 39.9042, lng: 116.4074 };
    expect(Math.abs(haversineMeters(GUANGZHOU, beijing) - 1_888_000) / 1_888_000).toBeLessThan(0.005);
  });

  it('destination goes the given distance', () => {
    for (let bearing = 0; bearing < 360; bearing += 45) {
      expect(haversineMeters(GUANGZHOU, destination(GUANGZHOU, bearing, 100))).toBeCloseTo(100, 6);
    }
  });
});

describe('cellsWithin', () => {
  // Centres across one cell: its centre, its corners' near insides and edge midpoints, plus others.
  const base = decodeGeohash('ws0e96s');
  const fractions = [0.001, 0.25, 0.5, 0.75, 0.999];
  const centres: LatLng[] = [GUANGZHOU, { lat: 23.1372, lng: 113.2806 }];
  for (const fy of fractions) {
    for (const fx of fractions) {
      centres.push({
        lat: base.minLat + fy * (base.maxLat - base.minLat),
        lng: base.minLng + fx * (base.maxLng - base.minLng),
      });
    }
  }

  it('covers every point 100 m away in 16 directions (and nearer)', () => {
    for (const c of centres) {
      const cells = new Set(cellsWithin(c, 100));
      for (let i = 0; i < 16; i++) {
        for (const d of [100, 99.9, 75, 50, 25, 0]) {
          const p = destination(c, (i * 360) / 16, d);
          const cell = encodeGeohash(p.lat, p.lng, 7);
          if (!cells.has(cell)) throw new Error(`${cell} (${d} m at ${i * 22.5}°) missing for ${JSON.stringify(c)}`);
        }
      }
    }
  });

  it('for 100 m stays within the centre cell and its neighbours', () => {
    for (const c of centres) {
      const hash = encodeGeohash(c.lat, c.lng, 7);
      const block = new Set([hash, ...neighbors(hash)]);
      const cells = cellsWithin(c, 100);
      expect(cells).toContain(hash);
      expect(cells.every((cell) => block.has(cell))).toBe(true);
      expect(new Set(cells).size).toBe(cells.length);
    }
  });

  it('covers 200 m with at most 16 cells', () => {
    for (const c of centres) {
      const cells = new Set(cellsWithin(c, 200));
      expect(cells.size).toBeLessThanOrEqual(16);
      for (let i = 0; i < 16; i++) {
        const p = destination(c, (i * 360) / 16, 200);
        expect(cells.has(encodeGeohash(p.lat, p.lng, 7))).toBe(true);
      }
    }
  });

  it('leaves out cells the circle does not reach', () => {
    for (const c of centres) {
      for (const cell of cellsWithin(c, 100)) {
        const b = decodeGeohash(cell);
        const nearest = {
          lat: Math.min(Math.max(c.lat, b.minLat), b.maxLat),
          lng: Math.min(Math.max(c.lng, b.minLng), b.maxLng),
        };
        expect(haversineMeters(c, nearest)).toBeLessThanOrEqual(101);
      }
    }
    expect(cellsWithin(GUANGZHOU, 0)).toEqual(['ws0e96s']);
  });

  it('rejects radii beyond 200 m', () => {
    expect(() => cellsWithin(GUANGZHOU, 201)).toThrow(RangeError);
    expect(() => cellsWithin(GUANGZHOU, -1)).toThrow(RangeError);
  });
});

describe('Yuexiu', () => {
  it('knows roughly where the district is', () => {
    expect(isInYuexiu(GUANGZHOU)).toBe(true); // 北京路 area
    expect(isInYuexiu({ lat: 23.1255, lng: 113.2806 })).toBe(true); // 东风中路 318号 area
    expect(isInYuexiu({ lat: 23.1066, lng: 113.3245 })).toBe(false); // 珠江新城 (天河)
    expect(isInYuexiu({ lat: 22.5431, lng: 114.0579 })).toBe(false); // 深圳
    expect(YUEXIU_BOUNDS.minLat).toBeLessThan(YUEXIU_BOUNDS.maxLat);
  });
});

describe('Place', () => {
  const good = { lat: 23.1291, lng: 113.2644, address: '越秀区北京路步行街' };

  it('accepts a place and trims the address', () => {
    expect(Place.parse({ ...good, address: '  越秀区北京路  ' }).address).toBe('越秀区北京路');
    expect(PlaceInYuexiu.parse(good)).toEqual(good);
  });

  it('explains what is wrong in Chinese', () => {
    expect(messages(Place.safeParse({ lat: 91, lng: -181, address: '路' }))).toEqual([
      ['lat', '纬度应在 -90 到 90 之间'],
      ['lng', '经度应在 -180 到 180 之间'],
      ['address', '地址至少 2 个字'],
    ]);
    expect(messages(Place.safeParse({ ...good, address: '路'.repeat(121) }))).toEqual([['address', '地址不能超过 120 个字']]);
    expect(messages(Place.safeParse({ lat: '23', address: 5 }))).toEqual([
      ['lat', '纬度应为数字'],
      ['lng', '请选择位置'],
      ['address', '地址应为文字'],
    ]);
    expect(messages(Place.safeParse({ lat: 23.1, lng: 113.2 }))).toEqual([['address', '请填写地址']]);
  });

  it('PlaceInYuexiu rejects a place outside the district', () => {
    const r = PlaceInYuexiu.safeParse({ lat: 22.5431, lng: 114.0579, address: '深圳市福田区' });
    expect(messages(r)).toEqual([['', OUTSIDE_YUEXIU_MESSAGE]]);
    expect(OUTSIDE_YUEXIU_MESSAGE).toBe('位置不在越秀区范围内');
    // A malformed place reports its own faults, not a second "outside" message.
    expect(messages(PlaceInYuexiu.safeParse({ ...good, lat: 100 }))).toEqual([['lat', '纬度应在 -90 到 90 之间']]);
  });
});
