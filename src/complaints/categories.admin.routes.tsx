import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { authorize } from '../accounts/accounts.policy.js';
import { listAgencies } from '../agencies/agencies.repository.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, typedValues } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { SLUG_PATTERN } from '../http/schema.js';
import { validateBody } from '../http/validation.js';
import { emptyForm, type FormState } from '../views/context.js';
import { CategoryCreateInput, CategoryUpdateInput } from './categories.schemas.js';
import {
  addCategory,
  canManageCategories,
  categoryUsage,
  complaintsInCategory,
  getCategoryByCode,
  nextPosition,
  removeCategory,
  updateCategory,
} from './categories.service.js';
import { staffScope } from './complaints.queue.admin.routes.js';
import { listCategories } from './complaints.repository.js';
import type { ComplaintCategory } from './complaints.table.js';
import { CATEGORIES_PATH, CategoriesPage, CategoryEditPage } from './views/admin-categories.js';

const CodeParams = Type.Object({ code: Type.String({ maxLength: 60 }) });
const PATH = CATEGORIES_PATH.replace('/admin', '');

/** A slug-shaped code from the address, or a 404 before any query. */
function codeOf(request: FastifyRequest): string {
  const code = (request.params as { code: string }).code;
  if (!new RegExp(SLUG_PATTERN).test(code)) throw new NotFoundError();
  return code;
}

/** The form's text → the shared schema's shape; a blank order goes to the end of the list. */
function inputOf(values: Record<string, string>, fallbackPosition: number) {
  const raw = values.position?.trim() ?? '';
  return {
    ...(values.code !== undefined ? { code: values.code.trim() } : {}),
    name: values.name ?? '',
    description: values.description ?? '',
    default_agency: values.default_agency ?? '',
    position: raw === '' ? fallbackPosition : /^\d{1,3}$/.test(raw) ? Number(raw) : raw,
  };
}

const valuesOf = (category: ComplaintCategory, agencies: { id: string; slug: string }[]) => ({
  name: category.name,
  description: category.description,
  default_agency: agencies.find((g) => g.id === category.defaultAgencyId)?.slug ?? '',
  position: String(category.position),
});

/** The installation's complaint categories, for the coordinator and the super admin. Prefix: /admin */
export default async function categoriesAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  const manager = (request: FastifyRequest) => {
    const actor = requireActor(request);
    staffScope(actor);
    authorize(canManageCategories(actor));
    return actor;
  };

  async function showList(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const [categories, agencies, usage] = await Promise.all([
      listCategories(app.db),
      listAgencies(app.db),
      categoryUsage(app.db),
    ]);
    return reply.page(
      <CategoriesPage
        ctx={pageContext(request, reply)}
        categories={categories}
        agencies={agencies}
        usage={usage}
        form={form}
      />,
      status,
    );
  }

  async function showEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    category: ComplaintCategory,
    form: FormState | null,
    options: { status?: number; problem?: string } = {},
  ) {
    const agencies = await listAgencies(app.db);
    return reply.page(
      <CategoryEditPage
        ctx={pageContext(request, reply)}
        category={category}
        agencies={agencies}
        used={await complaintsInCategory(app.db, category.id)}
        form={form ?? emptyForm(valuesOf(category, agencies))}
        problem={options.problem ?? null}
      />,
      options.status ?? 200,
    );
  }

  app.get(PATH, { schema: { hide: true } }, async (request, reply) => {
    manager(request);
    return showList(request, reply, emptyForm());
  });

  app.post(PATH, { schema: { hide: true } }, async (request, reply) => {
    const actor = manager(request);
    const values = typedValues(request.body);
    const input = inputOf({ code: '', ...values }, await nextPosition(app.db));
    const invalid = validateBody(CategoryCreateInput, input);
    if (invalid) return showList(request, reply, { values, errors: invalid }, 422);
    try {
      const category = await addCategory(app.db, actor, input as CategoryCreateInput);
      return reply.redirectWithFlash(CATEGORIES_PATH, `Kategori "${category.name}" sudah ditambahkan.`);
    } catch (err) {
      const fields = errorsFrom(err);
      if (fields) return showList(request, reply, { values, errors: fields }, 422);
      throw err;
    }
  });

  app.get(`${PATH}/:code`, { schema: { params: CodeParams, hide: true } }, async (request, reply) => {
    manager(request);
    return showEdit(request, reply, await getCategoryByCode(app.db, codeOf(request)), null);
  });

  app.post(`${PATH}/:code`, { schema: { params: CodeParams, hide: true } }, async (request, reply) => {
    const actor = manager(request);
    const category = await getCategoryByCode(app.db, codeOf(request));
    const values = typedValues(request.body);
    const input = inputOf(values, category.position);
    delete (input as { code?: string }).code;
    const invalid = validateBody(CategoryUpdateInput, input);
    if (invalid) return showEdit(request, reply, category, { values, errors: invalid }, { status: 422 });
    try {
      const updated = await updateCategory(app.db, actor, category.code, input as CategoryUpdateInput);
      return reply.redirectWithFlash(CATEGORIES_PATH, `Kategori "${updated.name}" sudah disimpan.`);
    } catch (err) {
      const fields = errorsFrom(err);
      if (fields) return showEdit(request, reply, category, { values, errors: fields }, { status: 422 });
      throw err;
    }
  });

  app.post(`${PATH}/:code/hapus`, { schema: { params: CodeParams, hide: true } }, async (request, reply) => {
    const actor = manager(request);
    const code = codeOf(request);
    try {
      const removed = await removeCategory(app.db, actor, code);
      return reply.redirectWithFlash(CATEGORIES_PATH, `Kategori "${removed.name}" sudah dihapus.`);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const category = await getCategoryByCode(app.db, code);
      return showEdit(request, reply, category, null, { status: 409, problem: err.message });
    }
  });
}
