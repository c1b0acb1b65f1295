import { now } from '../lib/clock';
import * as repo from './repository';

/** 草稿: what a person typed, saved as they go, kept 30 days. Not validated: it is unfinished. */
export type { Draft } from './repository';
export const getDraft = repo.getDraft;
export const deleteDraft = repo.deleteDraft;
export const saveDraft = (userId: string, formId: string, d: Omit<repo.Draft, 'savedAt'>) =>
  repo.saveDraft(userId, formId, { ...d, savedAt: now().toISOString() });
