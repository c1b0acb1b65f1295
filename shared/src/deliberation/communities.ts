/**
 * 居民议事 (issue 19): which community (社区, the grid officials' 网格) a resident lives in.
 *
 * Communities are the grids the admin keeps per street (组织架构, `ORG` / `GRIDS#<street>`): a street and a name. Their
 * id is derived from both (`communityId`), so a grid added by the admin has one at once and a grid official's posting
 * (`北京街道/府前社区` on the street `beijing`) names the same community. Some communities have address data: the roads
 * that lie in them (seeded for the demo grids, below). A declared address that names one of its community's roads is
 * confirmed at once; any other waits for a grid official of that community.
 */

/** 32-bit FNV-1a over the UTF-16 code units: a short, stable hash (not a secret). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A community's id: its street and a hash of its name, e.g. `beijing-1k2x9zq`. */
export const communityId = (street: string, name: string) => `${street}-${fnv1a(name.trim()).toString(36)}`;
export const COMMUNITY_ID = /^[a-z]{2,20}-[0-9a-z]{1,7}$/;

/** The community a grid official is posted to, from the posting's words (`北京街道/府前社区`) and street. */
export function gridCommunity(u: { role: string; street?: string; area?: string }): { id: string; name: string; street: string } | undefined {
  if (u.role !== 'grid' || !u.street || !u.area) return undefined;
  const name = u.area.split('/')[1]?.trim();
  return name ? { id: communityId(u.street, name), name, street: u.street } : undefined;
}

/**
 * Address data (地址库) of the seeded communities: roads (or parts of a road) that lie in each. A stand-in for the
 * district's address database; a community without an entry has no address data and every declaration waits for its
 * grid official.
 */
export const COMMUNITY_ROADS: Record<string, Record<string, readonly string[]>> = {
  beijing: {
    府前社区: ['府前路', '西湖路', '教育路'],
    盐运西社区: ['盐运西', '大南路'],
    仰忠社区: ['仰忠街', '仓边路'],
    都府社区: ['都府街', '广卫路'],
  },
  dongshan: {
    东山口社区: ['署前路', '庙前西街'],
    新河浦社区: ['新河浦路', '恤孤院路'],
    寺右社区: ['寺右新马路', '寺右一马路'],
  },
  liuhua: {
    流花社区: ['流花路', '人民北路'],
    三眼井社区: ['三眼井', '东风西路'],
  },
  renmin: {
    大新社区: ['大新路'],
    光复南社区: ['光复南路'],
  },
};

export const roadsOf = (street: string, name: string): readonly string[] => COMMUNITY_ROADS[street]?.[name] ?? [];

/** Addresses compared without spaces and full-width forms: 「府前路 1 号」 and 「府前路１号」 are the same. */
export const normalizeAddress = (a: string) => a.normalize('NFKC').replace(/\s+/g, '');

/**
 * Whether a declared address lies in the community by its address data: it names one of the community's roads and no
 * road of another community of the same street (a road shared by two communities proves nothing, so it waits).
 */
export function addressMatches(address: string, street: string, name: string): boolean {
  const a = normalizeAddress(address);
  const mine = roadsOf(street, name).some((r) => a.includes(normalizeAddress(r)));
  if (!mine) return false;
  const others = Object.entries(COMMUNITY_ROADS[street] ?? {}).filter(([n]) => n !== name);
  return !others.some(([, roads]) => roads.some((r) => a.includes(normalizeAddress(r))));
}

/** Where the house number starts: a digit, or Chinese numerals naming a number, building, block or room. */
const HOUSE_NUMBER = /[0-9０-９]|[一二三四五六七八九十百零〇两]+[号號栋棟幢座楼樓室弄]/u;
const ROAD_END = /^.*(?:大道|路|街|巷|里|坊|村|道)/u;

/**
 * An address as a list shows it to those who need the road but not the door (a confirmed resident in the grid
 * official's list): what comes before the house number, the rest hidden (「越秀区府前路 8 号 2 栋 301」 →
 * 「越秀区府前路 ****」). Without a number, up to the last road word; failing that, the first half; nothing before the number, nothing shown.
 */
export function maskAddress(address: string): string {
  const a = address.trim();
  const at = a.search(HOUSE_NUMBER);
  const chars = Array.from(a);
  const kept = at >= 0 ? a.slice(0, at) : (a.match(ROAD_END)?.[0] ?? chars.slice(0, Math.floor(chars.length / 2)).join(''));
  return kept.trim() ? `${kept.trimEnd()} ****` : '****';
}
