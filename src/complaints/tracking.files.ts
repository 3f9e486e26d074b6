import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Actor } from '../accounts/accounts.policy.js';
import type { DbOrTx } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { canSeeComplaint } from './complaints.policy.js';
import { assigneeIdsOf } from './complaints.repository.js';
import type { ComplaintAttachment } from './complaints.table.js';

/*
 * Complaint files live in private storage (app.complaintFiles), never under /media: a photo can show
 * who sent it. GET /aduan/lampiran/{id} serves one to
 * - staff who may see its complaint (signed in: the session cookie), any file of it;
 * - the citizen, through a link the tracking page signed for them after checking their access key:
 *   `?token={expiry}.{hmac}`. The key itself never goes into a link that could be shared, logged
 *   (the log filter hides `token=`) or leak through a Referer; the link dies after an hour.
 * Anyone else gets the same 404 as for a file that does not exist.
 */

/** How long a citizen's signed file link works. */
export const FILE_LINK_SECONDS = 3600;

const signature = (secret: string, id: string, expires: number): string =>
  createHmac('sha256', secret).update(`complaint-file:${id}:${expires}`).digest('base64url');

/** The path staff use (their session is the permission). */
export const attachmentPath = (id: string): string => `/aduan/lampiran/${id}`;

/** A link for the citizen, valid for FILE_LINK_SECONDS. */
export function attachmentUrl(secret: string, id: string, nowMs = Date.now()): string {
  const expires = Math.floor(nowMs / 1000) + FILE_LINK_SECONDS;
  return `${attachmentPath(id)}?token=${expires}.${signature(secret, id, expires)}`;
}

export function tokenAllows(
  secret: string,
  id: string,
  token: string | undefined,
  nowMs = Date.now(),
): boolean {
  const match = token ? /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 < nowMs) return false;
  const expected = Buffer.from(signature(secret, id, expires));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function findAttachment(db: DbOrTx, id: string): Promise<ComplaintAttachment | undefined> {
  return db.selectFrom('complaintAttachments').selectAll().where('id', '=', id).executeTakeFirst();
}

async function staffMaySee(db: DbOrTx, actor: Actor | null, attachment: ComplaintAttachment) {
  if (!actor) return false;
  return canSeeComplaint(actor, await assigneeIdsOf(db, attachment.complaintId));
}

/** `filename="ascii"; filename*=UTF-8''…`: the name the citizen gave, safe in a header. */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'lampiran';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function send(reply: FastifyReply, attachment: ComplaintAttachment, data: Buffer) {
  // Photos open in the browser; a PDF is downloaded, so no PDF viewer runs it on our origin.
  const kind = attachment.kind === 'photo' ? 'inline' : 'attachment';
  return reply
    .header('content-type', attachment.mime)
    .header('content-disposition', disposition(kind, attachment.originalName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=300')
    .header('referrer-policy', 'no-referrer')
    .send(data);
}

const FileParams = Type.Object({
  id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }),
});
const FileQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 80 })) });

export async function attachmentRoutes(app: FastifyInstance) {
  app.get(
    '/aduan/lampiran/:id',
    { schema: { params: FileParams, querystring: FileQuery, hide: true } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { token } = request.query as { token?: string };
      const attachment = await findAttachment(app.db, id);
      if (!attachment) throw new NotFoundError();
      const allowed =
        tokenAllows(app.config.secret, id, token) || (await staffMaySee(app.db, request.actor, attachment));
      if (!allowed) throw new NotFoundError();
      const data = await app.complaintFiles.get(attachment.storageKey);
      if (!data) throw new NotFoundError();
      return send(reply, attachment, data);
    },
  );
}
