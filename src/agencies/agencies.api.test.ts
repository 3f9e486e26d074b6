import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken } from '../test/client.js';

const newAgency = {
  slug: 'dinas-baru',
  name: 'Dinas Baru',
  short_name: 'Disbar',
  kind: 'dinas',
  parent: 'setda',
};

for (const dialect of dialects()) {
  describe(`POST /api/v1/agencies (${dialect})`, () => {
    it('creates an agency for the super admin and lists it publicly', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin@pontianak.go.id');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies',
        headers: { authorization: `Bearer ${token}` },
        payload: newAgency,
      });
      assert.equal(res.statusCode, 201);
      assert.deepEqual(res.json(), {
        slug: 'dinas-baru',
        name: 'Dinas Baru',
        short_name: 'Disbar',
        kind: 'dinas',
        parent: 'setda',
        url: 'http://127.0.0.1:3000/opd/dinas-baru',
      });
      const list = (await app.inject('/api/v1/agencies')).json() as { slug: string }[];
      assert.ok(list.some((a) => a.slug === 'dinas-baru'));
    });

    it('refuses an OPD admin with 403 and an anonymous caller with 401, in JSON', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@dinkes.pontianak.go.id');
      const forbidden = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies',
        headers: { authorization: `Bearer ${token}` },
        payload: newAgency,
      });
      assert.equal(forbidden.statusCode, 403);
      assert.equal((forbidden.json() as { error: { code: string } }).error.code, 'forbidden');
      const anonymous = await app.inject({ method: 'POST', url: '/api/v1/agencies', payload: newAgency });
      assert.equal(anonymous.statusCode, 401);
      assert.equal((anonymous.json() as { error: { code: string } }).error.code, 'unauthenticated');
    });

    it('explains invalid fields in Indonesian and refuses a taken slug or host', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const auth = { authorization: `Bearer ${await apiToken(app, 'admin@pontianak.go.id')}` };
      const bad = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies',
        headers: auth,
        payload: { slug: 'Bad Slug!', name: 42, kind: 'kementerian' },
      });
      assert.equal(bad.statusCode, 422);
      const { error } = bad.json() as { error: { code: string; fields: Record<string, string> } };
      assert.equal(error.code, 'validation_failed');
      assert.match(error.fields.slug!, /Slug hanya boleh/);
      assert.equal(error.fields.name, 'Nama harus berupa teks.');
      assert.equal(error.fields.short_name, 'Nama singkat wajib diisi.');
      assert.match(error.fields.kind!, /Pilih Jenis/);
      const taken = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies',
        headers: auth,
        payload: { ...newAgency, slug: 'dinkes' },
      });
      assert.equal(taken.statusCode, 409);
      const host = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies',
        headers: auth,
        payload: { ...newAgency, hosts: ['dinkes.pontianak.go.id'] },
      });
      assert.equal(host.statusCode, 409);
      assert.match((host.json() as { error: { message: string } }).error.message, /sudah dipakai/);
    });
  });
}
