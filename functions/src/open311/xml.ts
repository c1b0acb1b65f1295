/**
 * GeoReport v2's XML form (the spec's default format): a root element, one element per record, one child per field.
 * `null` is an empty element; a list is a parent with one child per entry (the singular of its name); an object nests.
 * Only text the feed produces itself goes in, but every value is escaped and characters XML 1.0 forbids are dropped.
 */
const SINGULAR: Record<string, string> = { endpoints: 'endpoint', formats: 'format', attributes: 'attribute', values: 'value' };

const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu;
export const escapeXml = (s: string) =>
  s.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(SINGULAR[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${fields(value as Record<string, unknown>)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

const fields = (record: Record<string, unknown>) =>
  Object.entries(record)
    .map(([k, v]) => element(k, v))
    .join('');

/** A list of records: `<service_requests><request>…</request></service_requests>`. */
export const xmlList = (root: string, item: string, records: Record<string, unknown>[]) =>
  `<?xml version="1.0" encoding="utf-8"?><${root}>${records.map((r) => element(item, r)).join('')}</${root}>`;

/** One record as the document: `<service_definition>…</service_definition>`. */
export const xmlOne = (root: string, record: Record<string, unknown>) => `<?xml version="1.0" encoding="utf-8"?>${element(root, record)}`;
