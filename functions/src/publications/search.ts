import { bigramsOf, highlight, queryTerms, type PublicationHit, type PublicationSearchQuery } from '@yx/shared';
import type * as z from 'zod';
import { badRequest } from '../lib/errors';
import * as repo from './repository';
import { deptNames } from './departments';
import { summaryView } from './views';

/**
 * Full-text search over the inverted index of bigrams the index worker writes (`PUBTERM#<bigram>` / `<sort>`: newest
 * first). A hit holds every bigram of the query. Bounded at any size of the index:
 *
 * 1. one Query per bigram of the query (≤ 8, in parallel), each the WINDOW newest postings older than the cursor;
 * 2. the driver is the rarest list — a complete one (it reached its end) with the fewest rows, else the one reaching
 *    furthest back — and its rows, newest first, are the candidates (every hit holds the driver's bigram);
 * 3. a candidate is in another bigram's list if that list's rows reach back to it; older than that window, the posting is
 *    looked up by key (one BatchGet per 100 keys, CHECK_BUDGET keys a page at most);
 * 4. the page's hits are read back from their summaries (one BatchGet): an item withdrawn since its postings were
 *    written (the worker removes them a moment later) or moved to another category is left out.
 * The cursor is the sort key of the last candidate looked at: the next page takes every list from there on.
 */
export const SEARCH_PAGE = 20;
const WINDOW = 200;
const CHECK_BUDGET = 200;

type Query = z.output<typeof PublicationSearchQuery>;
type Posting = repo.PostingRecord;

const SORT = /^\d{4}-\d{2}-\d{2}#[0-9TZ:.-]{10,30}#pb_[A-Za-z0-9]{10,16}$/;
function readCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const sort = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!SORT.test(sort)) throw badRequest('翻页位置不正确，请从第一页重新查看');
  return sort;
}
const writeCursor = (sort: string | undefined) => (sort ? Buffer.from(sort, 'utf8').toString('base64url') : null);

interface List {
  term: string;
  rows: Posting[];
  bySort: Map<string, Posting>;
  complete: boolean;
  /** the oldest sort key read: below it the list says nothing */
  floor: string;
}

/** The rarest list drives: a complete one with the fewest rows, else the one whose window reaches furthest back. */
function driverOf(lists: List[]): List {
  const complete = lists.filter((l) => l.complete).sort((a, b) => a.rows.length - b.rows.length);
  if (complete.length) return complete[0];
  return [...lists].sort((a, b) => a.floor.localeCompare(b.floor))[0];
}

/** The posting whose words around the match hold most of the query: the hit's snippet. */
function bestContext(found: Posting[], terms: readonly string[]): Posting {
  const score = (p: Posting) => bigramsOf(p.context).filter((t) => terms.includes(t)).length;
  return found.reduce((best, p) => (score(p) > score(best) ? p : best), found[0]);
}

export async function search(q: Query): Promise<{ items: PublicationHit[]; nextCursor: string | null; terms: string[] }> {
  const terms = queryTerms(q.q);
  const before = readCursor(q.cursor);
  const lists: List[] = await Promise.all(
    terms.map(async (term) => {
      const r = await repo.postings(term, WINDOW, before);
      return { term, rows: r.rows, bySort: new Map(r.rows.map((p) => [p.sort, p])), complete: r.complete, floor: r.rows[r.rows.length - 1]?.sort ?? '' };
    }),
  );
  const driver = driverOf(lists);
  const others = lists.filter((l) => l !== driver);
  const candidates = driver.rows.filter((p) => !q.category || p.category === q.category);

  const hits: { sort: string; found: Posting[] }[] = [];
  let i = 0;
  let budget = CHECK_BUDGET;
  let lastLooked: string | undefined;
  while (hits.length < SEARCH_PAGE && i < candidates.length && budget > 0) {
    // candidates whose other bigrams are known from the lists, or can be looked up in one BatchGet
    const round: { sort: string; found: Posting[]; unknown: string[] }[] = [];
    const checks: { term: string; sort: string }[] = [];
    while (i < candidates.length && hits.length + round.length < SEARCH_PAGE) {
      const c = candidates[i];
      const found = [c];
      const unknown: string[] = [];
      let out = false;
      for (const l of others) {
        const p = l.bySort.get(c.sort);
        if (p) found.push(p);
        else if (l.complete || c.sort >= l.floor)
          out = true; // the list covers it and has no such posting
        else unknown.push(l.term);
      }
      if (!out && checks.length + unknown.length > Math.min(100, budget)) break; // the next round looks it up
      i++;
      lastLooked = c.sort;
      if (out) continue;
      round.push({ sort: c.sort, found, unknown });
      for (const term of unknown) checks.push({ term, sort: c.sort });
    }
    if (!round.length && checks.length === 0 && i < candidates.length) break; // a single candidate needs more than is left
    const exist = checks.length ? await repo.postingsExist(checks) : new Set<string>();
    budget -= checks.length;
    for (const r of round) if (r.unknown.every((term) => exist.has(`${term}\u0000${r.sort}`))) hits.push(r);
  }
  const more = i < candidates.length || !driver.complete;
  const cursorSort = i < candidates.length ? lastLooked : driver.rows[driver.rows.length - 1]?.sort;

  const [found, names] = await Promise.all([repo.summaries(hits.map((h) => repo.idOfSort(h.sort))), deptNames()]);
  const items: PublicationHit[] = [];
  for (const h of hits) {
    const s = found.get(repo.idOfSort(h.sort));
    if (!s || s.status !== 'published' || (q.category && s.category !== q.category) || repo.sortKeyOf(s) !== h.sort) continue;
    const best = bestContext(h.found, terms);
    items.push({
      ...summaryView(s, names),
      titleParts: highlight(s.title, terms),
      snippet: highlight(best.context, terms),
      inTitle: h.found.some((p) => p.inTitle),
    });
  }
  return { items, nextCursor: more ? writeCursor(cursorSort) : null, terms };
}
