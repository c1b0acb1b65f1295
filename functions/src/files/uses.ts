/**
 * Which uploaded files a changed row puts to use, read from the table's stream (old and new row): an application's
 * materials (at submission, a supplement, a deferred material handed in) and a 依申请公开 reply's attachments, an order's photos and result photos, a note's
 * photos, a firm's proof of a declared fact, a credit review's evidence. Only ids the new row names and the old one did not, so a later change of the same row costs nothing.
 */
type Row = Record<string, unknown> | undefined;

/** The rows that can put files to use: the stream's filter feeds them to the aggregator along with the counted ones. */
export const USING_ENTITIES = ['Application', 'WorkOrder', 'WoEvent', 'FirmFact', 'CreditReview'] as const;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function named(row: Row): { ref: string; fileIds: string[] } | undefined {
  if (!row) return undefined;
  switch (row.entity) {
    case 'Application':
      return {
        ref: String(row.appNo),
        fileIds: [
          ...(Array.isArray(row.materials) ? row.materials : []).flatMap((m: { fileIds?: unknown }) => strings(m?.fileIds)),
          // a 依申请公开 reply's attachments (the information provided)
          ...strings((row.disclosure as { reply?: { fileIds?: unknown } } | undefined)?.reply?.fileIds),
        ],
      };
    case 'WorkOrder':
      return { ref: String(row.no), fileIds: [...strings(row.photoIds), ...strings(row.resultPhotoIds)] };
    case 'WoEvent':
      return { ref: String(row.pk).replace(/^WO#/, ''), fileIds: strings(row.photoIds) };
    case 'FirmFact': // the proof of a fact a firm declared (企业自报)
      return { ref: String(row.pk).replace(/^ENT#/, ''), fileIds: strings(row.fileIds) };
    case 'CreditReview': // a credit repair's or objection's evidence (信用修复, 信用异议)
      return { ref: String(row.id), fileIds: strings(row.fileIds) };
    default:
      return undefined;
  }
}

export function filesPutToUse(oldRow: Row, newRow: Row): { ref: string; fileIds: string[] } | undefined {
  const now = named(newRow);
  if (!now || !now.fileIds.length) return undefined;
  const before = new Set(named(oldRow)?.fileIds ?? []);
  const fileIds = [...new Set(now.fileIds.filter((id) => !before.has(id)))];
  return fileIds.length ? { ref: now.ref, fileIds } : undefined;
}
