import * as z from 'zod';
import { MAX_PAGE_SIZE, PAGE_SIZE } from '../constants';
import { lazy } from './lazy';

// the page sizes live in ../constants (zod-free, for the H5 first screen)
export { MAX_PAGE_SIZE, PAGE_SIZE };

/** The `limit` query parameter of every paged list. */
export const PageLimit = lazy(() => z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(PAGE_SIZE));
