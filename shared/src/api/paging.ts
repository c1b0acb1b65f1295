import * as z from 'zod';
import { lazy } from './lazy';

/** Rows a list page answers with when the caller names no limit, and the most it may ask for. */
export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

/** The `limit` query parameter of every paged list. */
export const PageLimit = lazy(() => z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(PAGE_SIZE));
