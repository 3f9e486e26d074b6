import type { FastifyInstance, FastifyReply } from 'fastify';
import { pageContext } from '../http/page.js';
import { formatDateTime } from '../time/format.js';
import { findComplaintByCode } from './complaints.repository.js';
import { trackingLink, type Filed } from './complaints.service.js';
import { accessKeyMatches } from './tracking-code.js';
import { FilingDonePage, FilingThanksPage } from './views/filing-done.js';

/*
 * The receipt after filing. The access key must reach the citizen but should not travel in an
 * address (server logs, browser history, a Referer): the POST leaves the tracking code and key in a
 * signed, HttpOnly cookie scoped to /aduan/terkirim for twenty minutes, and that page reads it.
 * Reloading the page shows it again; a double submit sets the same cookie for the same complaint.
 */

const RECEIPT_COOKIE = 'balairung_tanda_terima';
const RECEIPT_PATH = '/aduan/terkirim';
const RECEIPT_MINUTES = 20;
/** What the honeypot's "success" leaves: a thank-you and nothing else. */
const NOTHING = '-';

export function sendReceipt(reply: FastifyReply, baseUrl: string, filed: Filed | null): FastifyReply {
  const value = filed ? JSON.stringify({ c: filed.complaint.trackingCode, k: filed.accessKey }) : NOTHING;
  reply.setCookie(RECEIPT_COOKIE, value, {
    path: RECEIPT_PATH,
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    secure: baseUrl.startsWith('https://'),
    maxAge: RECEIPT_MINUTES * 60,
  });
  return reply.redirect(RECEIPT_PATH, 303);
}

function parse(value: string): { c: string; k: string } | undefined {
  try {
    const parsed = JSON.parse(value) as { c?: unknown; k?: unknown };
    return typeof parsed.c === 'string' && typeof parsed.k === 'string'
      ? { c: parsed.c, k: parsed.k }
      : undefined;
  } catch {
    return undefined;
  }
}

export async function receiptRoutes(app: FastifyInstance) {
  app.get(RECEIPT_PATH, { schema: { hide: true } }, async (request, reply) => {
    const raw = request.cookies[RECEIPT_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    if (!unsigned?.valid || unsigned.value === null) return reply.redirect('/aduan', 303);
    const ctx = pageContext(request, reply);
    if (unsigned.value === NOTHING) return reply.page(<FilingThanksPage ctx={ctx} />);
    const receipt = parse(unsigned.value);
    const complaint = receipt ? await findComplaintByCode(app.db, receipt.c) : undefined;
    if (!receipt || !complaint || !accessKeyMatches(receipt.k, complaint.accessKeyHash))
      return reply.redirect('/aduan', 303);
    const deadline =
      complaint.deadlineKind === 'verify' && complaint.deadlineAt
        ? formatDateTime(complaint.deadlineAt, request.installation.timeZone)
        : null;
    return reply.page(
      <FilingDonePage
        ctx={ctx}
        receipt={{
          trackingCode: complaint.trackingCode,
          link: trackingLink(app.config.baseUrl, complaint.trackingCode, receipt.k),
          deadline,
          emailed: Boolean(complaint.reporterEmail),
        }}
      />,
    );
  });
}
