import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { adminGuard } from '../accounts/admin-guard.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { loadAgencyFor } from '../agencies/agencies.admin.routes.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { t } from '../i18n/index.js';
import type { AgencyPage } from '../news/news.table.js';
import { emptyForm, type FormState } from '../views/context.js';
import { findOpenHold, reasonsOf } from '../guard/guard.repository.js';
import { m as guardMessages } from '../guard/messages.js';
import { m } from './messages.js';
import { canEditPages } from './pages.policy.js';
import { DIRECTIONS, NewPageInput, PageInput, PageParams } from './pages.schemas.js';
import {
  addPage,
  CONTACT_PAGE,
  isDefaultPage,
  isInMenu,
  movePage,
  pageOf,
  pagesOf,
  removePage,
  savePage,
} from './pages.service.js';
import { AdminPageList } from './views/admin-list.js';
import { PageFormPage } from './views/page-form.js';

const MoveInput = Type.Object({ arah: Type.Optional(Type.String({ maxLength: 10 })) });

/** Editing an agency's pages: list and order, add, edit, delete. Prefix: /admin */
export default async function pagesAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  /** The agency: 404 to anyone with no role in it, 403 to its authors and complaint officers. */
  async function load(request: FastifyRequest): Promise<{ actor: Actor; agency: Agency }> {
    const actor = requireActor(request);
    const { slug } = request.params as { slug: string };
    return { actor, agency: await loadAgencyFor(app, actor, slug, canEditPages) };
  }

  /** The agency and one of its pages by address; another agency's page is not found. */
  async function loadPage(
    request: FastifyRequest,
  ): Promise<{ actor: Actor; agency: Agency; page: AgencyPage }> {
    const { actor, agency } = await load(request);
    const page = await pageOf(app.db, agency, (request.params as { page: string }).page);
    if (!page) throw new NotFoundError();
    return { actor, agency, page };
  }

  async function showList(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    form: FormState,
    status = 200,
  ) {
    const pages = await pagesOf(app.db, agency);
    return reply.page(
      <AdminPageList
        ctx={pageContext(request, reply)}
        agency={agency}
        rows={pages.map((page) => ({ page, inMenu: isInMenu(page) }))}
        form={form}
      />,
      status,
    );
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    page: AgencyPage,
    form: FormState,
    status = 200,
  ) {
    const hold = await findOpenHold(app.db, agency.id, 'page', page.id);
    return reply.page(
      <PageFormPage
        ctx={pageContext(request, reply)}
        agency={agency}
        page={page}
        form={form}
        isContact={page.slug === CONTACT_PAGE}
        deletable={!isDefaultPage(page)}
        heldReasons={hold ? reasonsOf(hold) : undefined}
      />,
      status,
    );
  }

  app.get('/opd/:slug/halaman', { schema: { params: SlugParams, hide: true } }, async (request, reply) => {
    const { agency } = await load(request);
    return showList(request, reply, agency, emptyForm());
  });

  app.post(
    '/opd/:slug/halaman',
    { schema: { params: SlugParams, body: NewPageInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const { actor, agency } = await load(request);
      const invalid = validationErrors(request);
      if (invalid) return showList(request, reply, agency, formState(request, invalid), 422);
      try {
        const page = await addPage(app.db, actor, agency, request.body as NewPageInput);
        return reply.redirectWithFlash(`/admin/opd/${agency.slug}/halaman/${page.slug}`, m.added(page.title));
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return showList(request, reply, agency, formState(request, fields), 422);
        throw err;
      }
    },
  );

  app.get(
    '/opd/:slug/halaman/:page',
    { schema: { params: PageParams, hide: true } },
    async (request, reply) => {
      const { agency, page } = await loadPage(request);
      return showForm(
        request,
        reply,
        agency,
        page,
        emptyForm({ title: page.title, body_html: page.bodyHtml }),
      );
    },
  );

  app.post(
    '/opd/:slug/halaman/:page',
    { schema: { params: PageParams, body: PageInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const { actor, agency, page } = await loadPage(request);
      const invalid = validationErrors(request);
      if (invalid) return showForm(request, reply, agency, page, formState(request, invalid), 422);
      const saved = await savePage(app.db, actor, agency, page, request.body as PageInput);
      return reply.redirectWithFlash(
        `/admin/opd/${agency.slug}/halaman/${page.slug}`,
        saved.heldReasons ? guardMessages.pageHeldFlash : t.common.saved,
      );
    },
  );

  app.post(
    '/opd/:slug/halaman/:page/pindah',
    { schema: { params: PageParams, body: MoveInput, hide: true } },
    async (request, reply) => {
      const { actor, agency, page } = await loadPage(request);
      const direction = DIRECTIONS.find((d) => d === (request.body as { arah?: string }).arah);
      if (!direction) throw new ValidationError({ arah: m.directionUnknown });
      await movePage(app.db, actor, agency, page, direction);
      return reply.redirectWithFlash(`/admin/opd/${agency.slug}/halaman`, m.moved);
    },
  );

  app.post(
    '/opd/:slug/halaman/:page/hapus',
    { schema: { params: PageParams, hide: true } },
    async (request, reply) => {
      const { actor, agency, page } = await loadPage(request);
      await removePage(app.db, actor, agency, page);
      return reply.redirectWithFlash(`/admin/opd/${agency.slug}/halaman`, m.deleted(page.title));
    },
  );
}
