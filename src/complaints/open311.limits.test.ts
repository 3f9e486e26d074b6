import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { assertOpen311 } from './open311.conformance.js';
import { countComplaints as count } from './filing.fixtures.js';
import { keyFor, REQUEST } from './open311.fixtures.js';
import { PER_KEY } from './open311.routes.js';

type Req = Record<string, unknown>;

for (const dialect of dialects()) {
  describe(`Open311 filing limits (${dialect})`, () => {
    it(`files at most ${PER_KEY} a minute with one key, from however many addresses, in the spec's error format`, async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const [leaked, other] = [await keyFor(app), await keyFor(app)];
      const fileFrom = (n: number, apiKey: string) =>
        app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          // 50 from each address: under the per-address limit (60), so only the key's can refuse.
          remoteAddress: `10.0.${Math.floor(n / 50)}.${n % 50}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          payload: new URLSearchParams({
            ...REQUEST,
            email: `warga${n}@example.com`, // each a new reporter: the per-contact limit stays out of it
            phone: `0812${String(n).padStart(8, '0')}`,
            api_key: apiKey,
          }).toString(),
        });
      for (let n = 0; n < PER_KEY; n++) assert.equal((await fileFrom(n, leaked)).statusCode, 200);
      const refused = await fileFrom(PER_KEY, leaked);
      assert.equal(refused.statusCode, 429, refused.body);
      const [error] = assertOpen311(refused, 'errors', 'json') as Req[];
      assert.equal(error?.code, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0, 'says when to try again');
      assert.equal((await fileFrom(PER_KEY + 1, other)).statusCode, 200, 'another client files on');
      assert.equal(await count(app), PER_KEY + 1);
    });
  });
}
