import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { photoJpeg, TEXT_AS_JPEG } from '../media/media.fixtures.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { decodeEntities } from '../test/hostile.js';
import { actOnComplaint, type Caller } from './complaints.actions.js';
import { attachmentMessages } from './complaints.attachments.js';
import { attachmentPath, attachmentUrl, FILE_LINK_SECONDS, tokenAllows } from './tracking.files.js';

async function privatePage(client: TestClient, code: string, key: string) {
  const arrival = await client.get(`/aduan/lacak?kode=${code}&kunci=${encodeURIComponent(key)}`);
  return client.get(arrival.headers.location as string);
}

const fileLinks = (html: string) =>
  [...decodeEntities(html).matchAll(/href="(\/aduan\/lampiran\/[0-9a-f-]{36}\?token=[^"]+)"/g)].map(
    (m) => m[1]!,
  );

async function assign(app: FastifyInstance, code: string) {
  const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
  await actOnComplaint(
    app.db,
    coord,
    code,
    { action: 'assign', agency: 'pupr' },
    { baseUrl: app.config.baseUrl },
  );
}

describe('file links', () => {
  it('are signed for one file and expire', () => {
    const secret = 'rahasia-uji-rahasia-uji-rahasia-uji-0000';
    const id = '0b7f9c1e-8a2d-4f5e-9c3b-1d2e3f4a5b6c';
    const token = new URL(attachmentUrl(secret, id), 'http://x').searchParams.get('token')!;
    assert.equal(tokenAllows(secret, id, token), true);
    assert.equal(tokenAllows(secret, id.replace('0b', '1b'), token), false, 'another file');
    assert.equal(tokenAllows('another-secret-another-secret-another', id, token), false);
    assert.equal(tokenAllows(secret, id, `${token}x`), false);
    assert.equal(
      tokenAllows(secret, id, token, Date.now() + (FILE_LINK_SECONDS + 5) * 1000),
      false,
      'expired',
    );
    assert.equal(tokenAllows(secret, id, undefined), false);
  });
});

for (const dialect of dialects()) {
  describe(`GET /aduan/lampiran/:id (${dialect})`, () => {
    it('takes the citizen’s files with added information, and serves them only to the entitled', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const pupr = await makeMember(app, 'pupr', 'complaint_officer');
      const dlh = await makeMember(app, 'dlh', 'complaint_officer');
      const { complaint, accessKey } = await makeComplaint(app, { anonymous: true });
      const code = complaint.trackingCode;
      const citizen = new TestClient(app);
      await privatePage(citizen, code, accessKey);

      const refused = await citizen.postMultipart(
        '/aduan/lacak/tindakan',
        { kode: code, kunci: accessKey, action: 'add_info', message: 'Foto lubangnya terlampir.' },
        [{ field: 'attachments', filename: 'lubang.jpg', data: TEXT_AS_JPEG }],
      );
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /href="#f-attachments"/);
      assert.ok(decodeEntities(refused.body).includes(attachmentMessages.notAccepted));
      assert.ok(decodeEntities(refused.body).includes('Foto lubangnya terlampir.'), 'the text is kept');

      const photo = await photoJpeg({ width: 800, height: 600, gps: true });
      const added = await citizen.postMultipart(
        '/aduan/lacak/tindakan',
        { kode: code, kunci: accessKey, action: 'add_info', message: 'Foto lubangnya terlampir.' },
        [{ field: 'attachments', filename: 'lubang jalan.jpg', data: photo }],
      );
      assert.equal(added.statusCode, 303);
      const page = await citizen.get(added.headers.location as string);
      const links = fileLinks(page.body);
      assert.equal(links.length, 1, 'the citizen sees the file they sent');
      assert.ok(decodeEntities(page.body).includes('lubang jalan.jpg'));

      const file = await citizen.get(links[0]!);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'image/jpeg');
      assert.match(String(file.headers['content-disposition']), /^inline; filename="lubang jalan\.jpg"/);
      assert.equal(file.headers['x-content-type-options'], 'nosniff');
      assert.match(String(file.headers['cache-control']), /^private/);
      assert.ok(!file.rawPayload.includes(Buffer.from('BalairungCam')), 'stored without the camera data');

      const bare = links[0]!.split('?')[0]!;
      const stranger = new TestClient(app);
      assert.equal((await stranger.get(bare)).statusCode, 404, 'no token, no session');
      assert.equal(
        (await stranger.get(`${bare}?token=1.${'a'.repeat(43)}`)).statusCode,
        404,
        'a forged token',
      );
      const id = bare.split('/').pop()!;
      assert.equal(
        (await stranger.get(attachmentUrl(app.config.secret, id, Date.now() - 2 * 3600_000))).statusCode,
        404,
      );
      assert.equal((await stranger.get(`${attachmentPath('not-an-id')}`)).statusCode, 404);
      assert.equal(
        (await stranger.get(attachmentPath('0b7f9c1e-8a2d-4f5e-9c3b-1d2e3f4a5b6c'))).statusCode,
        404,
      );

      const puprClient = await signedIn(app, pupr.email, pupr.password);
      assert.equal((await puprClient.get(bare)).statusCode, 404, 'not yet routed to PUPR');
      await assign(app, code);
      assert.equal((await puprClient.get(bare)).statusCode, 200, 'the OPD handling it');
      const dlhClient = await signedIn(app, dlh.email, dlh.password);
      assert.equal((await dlhClient.get(bare)).statusCode, 404, 'another OPD');

      const publicView = await stranger.get(`/aduan/lacak?kode=${code}`);
      assert.equal(fileLinks(publicView.body).length, 0, 'the public sees no files');
      assert.ok(!publicView.body.includes('/aduan/lampiran/'));
    });
  });
}
