import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { complaintSettingsOf } from '../agencies/settings.js';
import type { Config } from '../config.js';
import { AppError, NotFoundError } from '../errors.js';
import { typedValues, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import type { FormState } from '../views/context.js';
import { ATTACHMENT_FIELD } from './complaints.attachments.js';
import { readComplaint, type ComplaintView, type Reader } from './complaints.read.js';
import { normalizeTrackingCode } from './tracking-code.js';
import { attachmentRoutes } from './tracking.files.js';
import { readCitizenForm, takeCitizenStep, uploadOf, ActionBody } from './tracking.form.js';
import { presentTracked } from './tracking.presenter.js';
import accountabilityRoutes from './tracking.public.routes.js';
import { ACTION_PATH } from './views/tracking-citizen.js';
import { TRACKING_PATH, trackingMessages as m, TrackingPage, type LookupOutcome } from './views/tracking.js';

/*
 * The citizen's side of a complaint after filing: /aduan/lacak by code (the public view), the
 * private view with the access key, and the citizen's steps (add information, accept, reopen, rate).
 *
 * The private link from the receipt mail (/aduan/lacak?kode=…&kunci=…) is checked once, put into a
 * signed, httpOnly cookie scoped to /aduan, and answered with a redirect to the address without the
 * key: the key leaves the address bar, the history entry and any Referer at once. Every page here
 * also sends Referrer-Policy: no-referrer. The forms carry the key as a hidden field, so each step
 * stands on its own; the cookie only lets the page after a step show the private view again.
 */

const KEY_COOKIE = 'balairung_aduan';
const KEY_COOKIE_SECONDS = 2 * 60 * 60;

const LookupQuery = Type.Object({
  kode: Type.Optional(Type.String({ maxLength: 40 })),
  kunci: Type.Optional(Type.String({ maxLength: 100 })),
});

/** Per address: enough for a person following a few complaints, far too few to walk the code space. */
const perMinute = (config: Config, max: number) => ({
  rateLimit: config.rateLimit ? { max, timeWindow: '1 minute' } : (false as const),
});

export default async function trackingRoutes(app: FastifyInstance) {
  const secure = app.config.baseUrl.startsWith('https://');

  const read = async (reader: Reader, code: string): Promise<ComplaintView | undefined> => {
    try {
      return await readComplaint(app.db, reader, code);
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  };

  function rememberKey(reply: FastifyReply, code: string, key: string) {
    reply.setCookie(KEY_COOKIE, `${code}~${key}`, {
      path: '/aduan',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      signed: true,
      maxAge: KEY_COOKIE_SECONDS,
    });
  }

  function rememberedKey(request: FastifyRequest, code: string): string | undefined {
    const raw = request.cookies[KEY_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    if (!unsigned?.valid || !unsigned.value) return undefined;
    const [forCode, key] = unsigned.value.split('~');
    return forCode === code && key ? key : undefined;
  }

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { lookup?: FormState; outcome: LookupOutcome; form?: FormState; status?: number },
  ) {
    const prefix = complaintSettingsOf(request.installation).codePrefix;
    return reply
      .header('referrer-policy', 'no-referrer')
      .page(
        <TrackingPage
          ctx={pageContext(request, reply)}
          lookup={options.lookup ?? { values: {}, errors: {} }}
          outcome={options.outcome}
          form={options.form}
          example={`${prefix}-7Q4M2X`}
        />,
        options.status ?? 200,
      );
  }

  const found = async (view: ComplaintView, accessKey: string | null): Promise<LookupOutcome> => ({
    kind: 'found',
    complaint: await presentTracked(
      app.db,
      view,
      accessKey ? { accessKey, secret: app.config.secret } : null,
    ),
  });

  app.get(
    TRACKING_PATH,
    { schema: { querystring: LookupQuery, hide: true }, config: perMinute(app.config, 30) },
    async (request, reply) => {
      const { kode, kunci } = request.query as { kode?: string; kunci?: string };
      if (kode === undefined) return show(request, reply, { outcome: { kind: 'blank' } });
      const lookup = (error?: string): FormState => ({
        values: { kode },
        errors: error ? { kode: error } : {},
      });
      if (!kode.trim())
        return show(request, reply, {
          lookup: lookup(m.codeMissing),
          outcome: { kind: 'invalid' },
          status: 422,
        });
      const code = normalizeTrackingCode(kode);
      if (!code) {
        const prefix = complaintSettingsOf(request.installation).codePrefix;
        return show(request, reply, {
          lookup: lookup(m.codeInvalid(`${prefix}-7Q4M2X`)),
          outcome: { kind: 'invalid' },
          status: 422,
        });
      }
      if (kunci !== undefined) {
        const own = await read({ kind: 'citizen', accessKey: kunci }, code);
        if (!own)
          return show(request, reply, {
            lookup: lookup(),
            outcome: { kind: 'not_found', message: m.keyMismatch },
            status: 404,
          });
        rememberKey(reply, code, kunci);
        return reply.header('referrer-policy', 'no-referrer').redirect(`${TRACKING_PATH}?kode=${code}`, 303);
      }
      const key = rememberedKey(request, code);
      const own = key ? await read({ kind: 'citizen', accessKey: key }, code) : undefined;
      if (own && key) return show(request, reply, { outcome: await found(own, key) });
      const view = await read({ kind: 'public' }, code);
      if (!view)
        return show(request, reply, {
          lookup: lookup(),
          outcome: { kind: 'not_found', message: m.notFoundOrPrivate },
          status: 404,
        });
      return show(request, reply, { outcome: await found(view, null) });
    },
  );

  app.post(
    ACTION_PATH,
    {
      schema: { body: ActionBody, hide: true },
      attachValidation: true,
      preValidation: readCitizenForm,
      config: perMinute(app.config, 20),
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as ActionBody;
      const code = normalizeTrackingCode(typeof body.kode === 'string' ? body.kode : '');
      const key = typeof body.kunci === 'string' ? body.kunci : '';
      const citizen = { kind: 'citizen' as const, accessKey: key };
      const view = code && key ? await read(citizen, code) : undefined;
      const notFound = () =>
        show(request, reply, { outcome: { kind: 'not_found', message: m.keyMismatch }, status: 404 });
      if (!code || !view) return notFound();
      const again = async (errors: Record<string, string>, status: number) => {
        // Read again: after a 409 the complaint has moved on, and the page offers what is allowed now.
        const now = await read(citizen, code);
        if (!now) return notFound();
        const form = { values: typedValues(body), errors };
        return show(request, reply, { outcome: await found(now, key), form, status });
      };
      const invalid = validationErrors(request);
      if (invalid) return again(invalid, 422);
      const upload = uploadOf(request);
      if (upload.error) return again({ [ATTACHMENT_FIELD]: upload.error }, 422);
      const action = body.action!;
      try {
        await takeCitizenStep(app, key, code, { ...body, action }, upload.files);
      } catch (err) {
        if (err instanceof NotFoundError) return notFound();
        if (err instanceof AppError && err.status < 500)
          return again(err.fields ?? { _: err.message }, err.status);
        throw err;
      }
      rememberKey(reply, code, key);
      return reply.redirectWithFlash(`${TRACKING_PATH}?kode=${code}`, m.done[action]);
    },
  );

  await app.register(attachmentRoutes);
  await app.register(accountabilityRoutes);
}
