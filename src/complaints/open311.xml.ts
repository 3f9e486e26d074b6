import { XMLBuilder } from 'fast-xml-parser';

/*
 * GeoReport v2 XML. The spec defines the JSON as a mechanical mapping of the XML (the "Spark
 * convention", wiki.open311.org/JSON_and_XML_Conversion), so the answers are built once as JSON
 * and written as XML here by the reverse mapping: an array becomes a wrapper element holding one
 * element per item (services → service, service_requests → request …), null an empty element.
 */

export type Open311Value =
  string | number | boolean | null | Open311Value[] | { [key: string]: Open311Value };

/** The element each list's items are written as (GeoReport v2 and Service Discovery). */
export const LIST_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

type Node = string | { [key: string]: Node | Node[] };

function toNode(name: string, value: Open311Value): Node {
  if (value === null) return '';
  if (Array.isArray(value)) {
    const item = LIST_ITEMS[name];
    if (!item) throw new Error(`GeoReport XML: no item element known for the list "${name}"`);
    return value.length ? { [item]: value.map((v) => toNode(item, v)) } : '';
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNode(k, v)]));
  }
  return String(value);
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: true, processEntities: true });

/** `value` as a GeoReport v2 XML document whose root element is `root`, with the UTF-8 declaration the spec asks for. */
export function toOpen311Xml(root: string, value: Open311Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: toNode(root, value) }) as string}`;
}
