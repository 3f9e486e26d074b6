import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LIST_ITEMS } from './open311.xml.js';

/*
 * For tests: checks an Open311 answer against the published GeoReport v2 schemas in
 * fixtures/georeport-v2 (see its README for where each comes from). JSON is validated as sent;
 * XML is checked for well-formedness and its declaration, then mapped to JSON by the spec's own
 * rule (the Spark convention: a list element holds one child per item, an empty element is null,
 * true/false and numbers are typed) and validated against the same schema.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'georeport-v2');

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// swagger.json's own format for ids: any string.
ajv.addFormat('uid', true);
for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as object, file);
}

/** The answers we check, with the schema file and the XML root element of each. */
export const ANSWERS = {
  discovery: { schema: 'discovery.json', root: 'discovery' },
  services: { schema: 'services.json', root: 'services' },
  definition: { schema: 'service-definition.json', root: 'service_definition' },
  requests: { schema: 'requests.json', root: 'service_requests' },
  created: { schema: 'service-request-created.json', root: 'service_requests' },
  errors: { schema: 'errors.json', root: 'errors' },
} as const;
export type Answer = keyof typeof ANSWERS;

const BOOLEANS = new Set(['metadata', 'variable', 'required']);
const NUMBERS = new Set(['lat', 'long', 'order', 'code']);
const ITEMS = new Set(Object.values(LIST_ITEMS));

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ITEMS.has(name),
});

/** The Spark convention, read backwards: XML (as parsed) → the JSON the spec pairs with it. */
function spark(name: string, node: unknown, inErrors: boolean): unknown {
  const item = LIST_ITEMS[name];
  if (item) {
    if (node === '') return [];
    const items = (node as Record<string, unknown[]>)[item] ?? [];
    return items.map((i) => spark(item, i, inErrors || name === 'errors'));
  }
  if (node === '') return null;
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, spark(k, v, inErrors)]));
  }
  if (BOOLEANS.has(name)) return node === 'true' ? true : node === 'false' ? false : node;
  // `code` is a number only in an error; elsewhere (attribute codes) it is text.
  if (NUMBERS.has(name) && (name !== 'code' || inErrors)) return Number(node);
  return node;
}

/** The answer as JSON, after checking its content type, its form and its schema. */
export function assertOpen311(res: LightMyRequestResponse, answer: Answer, format: 'json' | 'xml'): unknown {
  const { schema, root } = ANSWERS[answer];
  let value: unknown;
  if (format === 'json') {
    assert.match(String(res.headers['content-type']), /^application\/json; charset=utf-8$/i);
    value = res.json();
  } else {
    assert.match(String(res.headers['content-type']), /^text\/xml; charset=utf-8$/i);
    assert.match(res.body, /^<\?xml version="1\.0" encoding="utf-8"\?>/i, 'XML declaration with UTF-8');
    assert.equal(XMLValidator.validate(res.body), true, 'well-formed XML');
    const parsed = parser.parse(res.body) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), [root], `root element <${root}>`);
    assert.doesNotMatch(res.body, /xmlns/, 'no namespace (the spec defines none)');
    value = spark(root, parsed[root], root === 'errors');
  }
  const validate = ajv.getSchema(schema);
  assert.ok(validate, `schema ${schema} loaded`);
  assert.ok(validate(value), `${answer} (${format}) against ${schema}: ${ajv.errorsText(validate.errors)}`);
  return value;
}
