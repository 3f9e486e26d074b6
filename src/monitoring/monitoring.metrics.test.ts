import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { withDemoActivity } from './monitoring.fixtures.js';
import { makeComplaint, makeMember } from '../test/factories.js';
import { loadHealth } from './monitoring.service.js';

const DAY = 86_400_000;
const ago = (at: string, days: number) => new Date(Date.parse(at) - days * DAY).toISOString();

/** A published post of the agency, `days` before `at`, with a photo when asked. */
async function post(app: FastifyInstance, agencyId: string, at: string, days: number, photo = false) {
  const mediaId = photo ? randomUUID() : null;
  if (mediaId)
    await app.db
      .insertInto('media')
      .values({
        id: mediaId,
        agencyId,
        originalName: 'foto.jpg',
        mime: 'image/jpeg',
        width: 1200,
        height: 800,
        bytes: 1000,
        alt: 'Foto kegiatan',
        caption: '',
        credit: '',
        storageKey: `uji/${mediaId}`,
        variants: '[]',
        warnings: '[]',
        createdBy: null,
        createdAt: at,
      })
      .execute();
  const id = randomUUID();
  await app.db
    .insertInto('posts')
    .values({
      id,
      agencyId,
      slug: `uji-${id}`,
      title: 'Kegiatan uji',
      summary: '',
      bodyHtml: '<p>Uji</p>',
      status: 'published',
      categoryId: null,
      authorId: null,
      byline: '',
      coverMediaId: mediaId,
      activityDate: null,
      regionId: null,
      reviewNote: '',
      publishAt: null,
      publishedAt: ago(at, days),
      createdAt: ago(at, days),
      updatedAt: ago(at, days),
    })
    .execute();
}

/** A complaint led by the agency, with its answer and deadline as given. */
async function complaint(
  app: FastifyInstance,
  agencyId: string,
  fields: { status: 'in_progress' | 'answered'; dueAt: string; answeredAt?: string; rating?: number },
) {
  const { complaint: c } = await makeComplaint(app);
  await app.db
    .updateTable('complaints')
    .set({
      agencyId,
      status: fields.status,
      assignedAt: c.receivedAt,
      firstAnswerDueAt: fields.dueAt,
      deadlineAt: fields.status === 'in_progress' ? fields.dueAt : null,
      deadlineKind: fields.status === 'in_progress' ? 'follow_up' : null,
      firstAnsweredAt: fields.answeredAt ?? null,
      answeredAt: fields.answeredAt ?? null,
      rating: fields.rating ?? null,
    })
    .where('id', '=', c.id)
    .execute();
  return c;
}

for (const dialect of dialects()) {
  describe(`monitoring metrics (${dialect})`, () => {
    it('counts posts, photos, active admins, two-factor, complaints overdue and returned for one OPD only', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await withDemoActivity(app);
      const at = new Date().toISOString();
      const dishub = await getAgencyBySlug(app.db, 'dishub');
      const dlh = await getAgencyBySlug(app.db, 'dlh');
      // The demo gave dishub posts 1, 4 and 12 days ago and two admins who signed in 3 days ago.
      await post(app, dishub.id, at, 2, true);
      await post(app, dishub.id, at, 20, true);
      await post(app, dishub.id, at, -1); // published "tomorrow": not yet counted
      await post(app, dlh.id, at, 0, true); // another OPD's photo counts for it only
      const stale = await makeMember(app, 'dishub', 'admin', { email: 'lama@example.go.id' });
      await app.db
        .updateTable('users')
        .set({ lastLoginAt: ago(at, 100) })
        .where('id', '=', stale.user.id)
        .execute();
      const disabled = await makeMember(app, 'dishub', 'admin', { email: 'nonaktif@example.go.id' });
      await app.db
        .updateTable('users')
        .set({ lastLoginAt: ago(at, 1), disabledAt: ago(at, 1) })
        .where('id', '=', disabled.user.id)
        .execute();
      const editor = await makeMember(app, 'dishub', 'editor');
      await app.db
        .updateTable('users')
        .set({ lastLoginAt: ago(at, 1) })
        .where('id', '=', editor.user.id)
        .execute();
      await app.db
        .updateTable('users')
        .set({ totpEnabledAt: ago(at, 30) })
        .where('email', '=', 'admin1@dishub.pontianak.go.id')
        .execute();

      await complaint(app, dishub.id, { status: 'in_progress', dueAt: ago(at, 1) }); // overdue, due, not in time
      await complaint(app, dishub.id, {
        status: 'answered',
        dueAt: ago(at, -2),
        answeredAt: ago(at, 0.5),
        rating: 4,
      });
      await complaint(app, dishub.id, { status: 'in_progress', dueAt: ago(at, -3) }); // not due yet
      const returned = await complaint(app, dlh.id, {
        status: 'answered',
        dueAt: ago(at, -2),
        answeredAt: ago(at, 0.5),
      });
      await app.db
        .insertInto('complaintEvents')
        .values({
          id: randomUUID(),
          complaintId: returned.id,
          action: 'return',
          fromStatus: 'assigned',
          toStatus: 'received',
          actorKind: 'staff',
          actorId: null,
          agencyId: dishub.id,
          message: '',
          internalNote: 'Bukan wewenang kami',
          visibility: 'internal',
          details: '{}',
          createdAt: ago(at, 1),
        })
        .execute();

      const rows = await loadHealth(app.db, [dishub.id, dlh.id], at);
      assert.equal(rows.length, 2, 'only the OPDs asked for');
      const row = rows.find((r) => r.slug === 'dishub')!;
      assert.equal(row.daysSincePost, 1);
      assert.equal(row.posts7d, 3, '1, 2 and 4 days ago');
      assert.equal(row.posts30d, 5);
      assert.equal(row.photoPercent30d, 40, '2 of 5 with a photo');
      assert.equal(row.admins, 3, 'the disabled admin is not counted, nor the editor');
      assert.equal(row.activeAdmins, 2, 'the one last seen 100 days ago is not active');
      assert.equal(row.activeAdminsTwoFactor, 1);
      assert.equal(row.complaintsReceived, 3);
      assert.equal(row.inTimePercent, 50);
      assert.equal(row.overdue, 1);
      assert.equal(row.returned, 1);
      assert.equal(row.satisfaction, 4);
      assert.ok(row.problems.some((p) => /1 aduan lewat batas/.test(p)));
      assert.ok(row.problems.some((p) => /tepat waktu 50%/.test(p)));

      const other = rows.find((r) => r.slug === 'dlh')!;
      assert.equal(other.photoPercent30d, 25, '1 of its 4 posts');
      assert.equal(other.returned, 0);
      assert.equal(other.overdue, 0);
      assert.equal(other.complaintsReceived, 1);
    });
  });
}
