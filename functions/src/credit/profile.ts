import {
  GRADE_RULES,
  PUBLICATION_RULES,
  RATING_RULES,
  RATING_TAGS,
  REVIEW_RULES,
  SEVERITIES,
  addMonths,
  bigramsOf,
  creditCodeProblem,
  gradeRulesInWords,
  industryName,
  maskName,
  queryTerms,
  streetName,
  type CreditProfileView,
  type FirmSearchQuery,
  type FirmSearchResult,
  type GradeRulesView,
  type RecordKind,
  type RecordsQuery,
  type RatingsQuery,
} from '@yx/shared';
import { notFound } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import { ownFirm, today } from './firm';
import * as repo from './repository';
import { ratingSummary, ratingView, recordView } from './views';

/** Hits a name search reads from the rarest bigram's postings; more than that and the person is asked for more of the name. */
const NAME_POSTINGS = 200;
const SEARCH_HITS = 20;
/** The newest records of each kind a profile shows; penalties of the last PENALTY_YEARS only. */
const PROFILE_RECORDS = 5;
const PENALTY_YEARS = 3;
const PROFILE_RATINGS = 3;

/**
 * 信用查询: by the whole code (one GetItem), or by any part of the name: the rarest two characters of the query name the
 * fewest firms (their counts: one BatchGet), whose postings (one Query) are checked for every bigram of the query, and
 * the hits' grades read (one BatchGet). Three store calls however many firms there are.
 */
export async function searchFirms(q: FirmSearchQuery): Promise<FirmSearchResult> {
  const text = q.q.trim();
  const code = text.toUpperCase();
  if (code.length === 18 && creditCodeProblem(code) === null) {
    const [firm] = await repo.firmsByCode([code]);
    return { items: firm ? [{ creditCode: firm.creditCode, name: firm.name, grade: firm.grade, street: firm.street }] : [], more: false };
  }
  const terms = queryTerms(text);
  if (!terms.length) return { items: [], more: false };
  const counts = await repo.nameCounts(terms);
  const rarest = [...terms].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))[0];
  if (!counts.get(rarest)) return { items: [], more: false };
  const postings = await repo.namePostings(rarest, NAME_POSTINGS);
  const hits = postings.filter((p) => {
    const own = new Set(bigramsOf(p.name));
    return terms.every((t) => own.has(t));
  });
  const firms = await repo.firmsByCode(hits.slice(0, SEARCH_HITS).map((h) => h.creditCode));
  return {
    items: firms.map((f) => ({ creditCode: f.creditCode, name: f.name, grade: f.grade, street: f.street })),
    more: hits.length > SEARCH_HITS || (counts.get(rarest) ?? 0) > NAME_POSTINGS,
  };
}

/**
 * The public credit profile (the page the 信用码 opens): registry facts with the legal representative masked, the grade
 * and its rules, the newest records of each kind (penalties of the last three years), the rating and recent reviews.
 * One BatchGet and four Queries. The firm's own people (`ownProfile`) also see the points behind the grade.
 */
export async function profile(code: string, viewer?: { userId: string }, own = false): Promise<CreditProfileView> {
  const read = await repo.readFirm(code);
  if (!read.firm) throw notFound('未找到该企业的信用信息，请核对统一社会信用代码');
  const day = today();
  const since = addMonths(day, -12 * PENALTY_YEARS);
  const [licences, penalties, honours, ratings, history, reviews] = await Promise.all([
    repo.publishedRecords(code, 'licence', { limit: PROFILE_RECORDS }),
    repo.publishedRecords(code, 'penalty', { limit: PROFILE_RECORDS, since }),
    repo.publishedRecords(code, 'honour', { limit: PROFILE_RECORDS }),
    repo.shownRatings(code, { limit: PROFILE_RATINGS }),
    own ? repo.gradeHistory(code, 10) : undefined,
    own ? repo.firmReviews(code, { limit: 50 }) : undefined,
  ]);
  const f = read.firm;
  const s = read.summary;
  return {
    firm: {
      creditCode: f.creditCode,
      name: f.name,
      legalRepresentative: own ? f.legalRepresentative : (maskName(f.legalRepresentative) ?? ''),
      ...(f.registeredOn ? { registeredOn: f.registeredOn } : {}),
      ...(f.address ? { address: f.address } : {}),
      ...(f.street ? { street: streetName(f.street) ?? f.street } : {}),
      ...(f.industry ? { industry: industryName(f.industry) } : {}),
    },
    grade: { grade: f.grade, ...(s ? { computedAt: s.computedAt } : {}), rulesVersion: s?.rulesVersion ?? GRADE_RULES.version, rulesName: GRADE_RULES.name },
    counts: s?.counts ?? { licence: licences.items.length, penalty: penalties.items.length, honour: honours.items.length },
    licences: licences.items.map((r) => recordView(r, day, own)),
    penalties: penalties.items.map((r) => recordView(r, day, own)),
    honours: honours.items.map((r) => recordView(r, day, own)),
    rating: ratingSummary(read.stats),
    recentRatings: ratings.items.map((r) => ratingView(r, viewer?.userId)),
    ...(history && reviews
      ? {
          own: {
            score: s?.score ?? GRADE_RULES.start,
            reasons: s?.reasons ?? [],
            history: history.items.map((h) => ({ at: h.at, from: h.from, to: h.to, score: h.score, reason: h.reason })),
            openReviews: reviews.items.filter((r) => r.status === 'reviewing').length,
          },
        }
      : {}),
  };
}

/** 我的企业信用: the public profile plus the points behind the grade, its history and the open requests. */
export async function ownProfile(user: UserRecord): Promise<CreditProfileView> {
  const firm = await ownFirm(user);
  return profile(firm.creditCode, { userId: user.id }, true);
}

/** The firm, or 404 (a list of an unknown firm is not an empty list). */
async function mustExist(code: string): Promise<void> {
  if (!(await repo.firmsByCode([code])).length) throw notFound('未找到该企业的信用信息，请核对统一社会信用代码');
}

/** A page of one kind of published records (anyone), newest first: the firm's row and one Query. */
export async function publicRecords(code: string, q: RecordsQuery) {
  await mustExist(code);
  const page = await repo.publishedRecords(code, q.kind as RecordKind, { limit: Number(q.limit ?? 20), cursor: q.cursor });
  const day = today();
  return { items: page.items.map((r) => recordView(r, day)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** A page of one kind of the firm's records, published or not (its own people). */
export async function ownRecords(user: UserRecord, q: RecordsQuery) {
  const firm = await ownFirm(user);
  const page = await repo.allRecords(firm.creditCode, q.kind as RecordKind, { limit: Number(q.limit ?? 20), cursor: q.cursor });
  const day = today();
  return { items: page.items.map((r) => recordView(r, day, true)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** A page of shown ratings (anyone), newest first: the firm's row and one Query. */
export async function publicRatings(code: string, q: RatingsQuery) {
  await mustExist(code);
  const page = await repo.shownRatings(code, { limit: Number(q.limit ?? 20), cursor: q.cursor });
  return { items: page.items.map((r) => ratingView(r)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** The rules as data, in words (anyone: a firm sees by what its grade was computed; the admin reads them). */
export function rules(): GradeRulesView {
  return {
    version: GRADE_RULES.version,
    name: GRADE_RULES.name,
    words: gradeRulesInWords(),
    publication: [
      { severity: SEVERITIES.minor, minMonths: null, maxMonths: null },
      ...(['ordinary', 'serious'] as const).map((s) => ({ severity: SEVERITIES[s], ...PUBLICATION_RULES[s] })),
    ],
    review: Object.values(REVIEW_RULES).map((r) => ({ kind: r.name, days: r.days })),
    rating: { windowDays: RATING_RULES.windowDays, tags: [...RATING_TAGS] },
  };
}
