import { JSDOM } from 'jsdom';
import { escapeXml, xmlList, xmlOne } from './xml';

const parse = (xml: string) => {
  const doc = new new JSDOM().window.DOMParser().parseFromString(xml, 'text/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};

describe('GeoReport v2 XML', () => {
  it('writes a list of records as the spec names them, nulls as empty elements', () => {
    const doc = parse(xmlList('service_requests', 'request', [{ service_request_id: 'SQ1', lat: 23.125, address: null }]));
    expect(doc.documentElement.tagName).toBe('service_requests');
    const req = doc.getElementsByTagName('request')[0];
    expect(req.getElementsByTagName('service_request_id')[0].textContent).toBe('SQ1');
    expect(req.getElementsByTagName('lat')[0].textContent).toBe('23.125');
    expect(req.getElementsByTagName('address')[0].textContent).toBe('');
  });

  it('nests lists and objects (discovery) and escapes text, dropping characters XML forbids', () => {
    const doc = parse(xmlOne('discovery', { contact: 'a < b & "c"\u0001', endpoints: [{ formats: ['text/xml', 'application/json'] }] }));
    expect(doc.getElementsByTagName('contact')[0].textContent).toBe('a < b & "c"');
    expect([...doc.getElementsByTagName('format')].map((f) => f.textContent)).toEqual(['text/xml', 'application/json']);
    expect(escapeXml("<'&'>")).toBe('&lt;&apos;&amp;&apos;&gt;');
  });
});
