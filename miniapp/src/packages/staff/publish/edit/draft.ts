import { EditPublication, NewPublication, type PublicationCategory } from '@yx/shared';
import type { EditBody, PublicationDetail, PublishBody } from '../../../../api/publications';
import type { Uploaded } from '../../../../api/upload';
import { fieldErrors } from '../../../../components/Field';

/** What the editor holds: the form as typed (strings), the attachments uploaded, the policy an interpretation explains. */
export interface PublicationDraft {
  category: PublicationCategory | '';
  title: string;
  docNo: string;
  publishedOn: string;
  content: string;
  validity: 'effective' | 'repealed';
  interprets?: { id: string; title: string };
  attachments: Uploaded[];
  note: string;
}

export const emptyDraft = (): PublicationDraft => ({
  category: '',
  title: '',
  docNo: '',
  publishedOn: '',
  content: '',
  validity: 'effective',
  attachments: [],
  note: '',
});

export const draftOf = (d: PublicationDetail): PublicationDraft => ({
  category: d.category,
  title: d.title,
  docNo: d.docNo ?? '',
  publishedOn: d.publishedOn,
  content: d.content,
  validity: d.validity ?? 'effective',
  ...(d.interprets ? { interprets: { id: d.interprets.id, title: d.interprets.title } } : {}),
  attachments: d.attachments.map((a) => ({ fileId: a.fileId, fileName: a.fileName })),
  note: '',
});

/** The body as the API takes it: empty optional fields left out, what belongs to another category dropped. */
export function bodyOf(d: PublicationDraft): PublishBody {
  return {
    category: d.category as PublicationCategory,
    title: d.title.trim(),
    content: d.content.trim(),
    ...(d.docNo.trim() ? { docNo: d.docNo.trim() } : {}),
    ...(d.publishedOn.trim() ? { publishedOn: d.publishedOn.trim() } : {}),
    attachments: d.attachments.map((a) => a.fileId),
    ...(d.category === 'interpretation' && d.interprets ? { interpretsId: d.interprets.id } : {}),
    ...(d.category === 'policy' ? { validity: d.validity } : {}),
  };
}

/** Checked by the same schemas the server uses: the first message per field, or none. */
export function check(d: PublicationDraft, version?: number): { body: PublishBody | EditBody; errors?: Record<string, string> } {
  const body = bodyOf(d);
  const note = d.note.trim();
  const full = version ? { ...body, expectedVersion: version, ...(note ? { note } : {}) } : body;
  const r = version ? EditPublication.safeParse(full) : NewPublication.safeParse(full);
  if (!d.category) return { body: full, errors: { category: '请选择栏目', ...(r.success ? {} : fieldErrors(r.error)) } };
  return r.success ? { body: full } : { body: full, errors: fieldErrors(r.error) };
}
