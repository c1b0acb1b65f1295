import { PUBLICATION_CATEGORY_NAMES, type PublicationDetail, type PublicationLink, type PublicationSummary } from '@yx/shared';
import { objectStore } from '../lib/storage';
import type { DeptNames } from './departments';
import type { PublicationLinkRecord, PublicationRecord, PublicationSummaryRecord } from './repository';

/** What people are shown of 政务公开's records: the department by name, the category's name, attachments as signed links. */

/** How long an attachment's link works: the detail page is opened and read, then the PDF (the page fetches fresh links each time). */
export const ATTACHMENT_LINK_SECONDS = 30 * 60;

/** A row of a list. `staff`: the department's own list, which also says why an item was withdrawn. */
export function summaryView(s: PublicationSummaryRecord, names: DeptNames, staff = false): PublicationSummary {
  return {
    id: s.id,
    category: s.category,
    categoryName: PUBLICATION_CATEGORY_NAMES[s.category],
    title: s.title,
    department: s.department,
    departmentName: names.short(s.department),
    ...(s.docNo ? { docNo: s.docNo } : {}),
    publishedOn: s.publishedOn,
    ...(s.category === 'policy' ? { validity: s.validity ?? 'effective' } : {}),
    attachmentCount: s.attachmentCount,
    ...(s.interpretsId ? { interpretsId: s.interpretsId } : {}),
    version: s.version,
    status: s.status,
    ...(staff && s.withdrawnReason ? { withdrawnReason: s.withdrawnReason } : {}),
  };
}

const summaryOf = (p: PublicationRecord): PublicationSummaryRecord => {
  const { content: _c, attachments, savedById: _s, ...rest } = p;
  return { ...rest, attachmentCount: attachments.length };
};

export function linkView(
  l: Pick<PublicationLinkRecord, 'id' | 'title' | 'category' | 'publishedOn' | 'department' | 'docNo'>,
  names: DeptNames,
): PublicationLink {
  return {
    id: l.id,
    title: l.title,
    category: l.category,
    publishedOn: l.publishedOn,
    departmentName: names.short(l.department),
    ...(l.docNo ? { docNo: l.docNo } : {}),
  };
}

/**
 * The page of one item: its text, attachments with links anyone may open (signed for ATTACHMENT_LINK_SECONDS, the
 * version checked at upload), the policy it interprets (only while that is published) and its own interpretations.
 */
export async function detailView(
  p: PublicationRecord,
  o: { links: PublicationLinkRecord[]; policy?: PublicationRecord; names: DeptNames; staff?: boolean },
): Promise<PublicationDetail> {
  const urls = await Promise.all(p.attachments.map((a) => objectStore().presignGet(a.key, ATTACHMENT_LINK_SECONDS, a.objectVersion)));
  return {
    ...summaryView(summaryOf(p), o.names, o.staff),
    departmentName: o.names.full(p.department),
    content: p.content,
    attachments: p.attachments.map((a, i) => ({ fileId: a.fileId, fileName: a.fileName, contentType: a.contentType, size: a.size, url: urls[i] })),
    ...(o.policy && o.policy.status === 'published' ? { interprets: linkView(o.policy, o.names) } : {}),
    interpretations: o.links.map((l) => linkView(l, o.names)),
    updatedAt: p.updatedAt,
    ...(p.withdrawnAt ? { withdrawnAt: p.withdrawnAt } : {}),
  };
}
