import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { authorize, isSuperAdmin } from '../accounts/accounts.policy.js';
import { AGENCY_KINDS } from '../agencies/agencies.table.js';
import { NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { sendCsv } from '../http/csv.js';
import { formState, typedValues } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { t } from '../i18n/index.js';
import { now } from '../time/clock.js';
import { emptyForm } from '../views/context.js';
import { monitoringCsv } from './monitoring.csv.js';
import {
  loadHealth,
  monitoringScope,
  SORTS,
  updateRules,
  viewOf,
  type ListParams,
  type Sort,
} from './monitoring.service.js';
import { loadTrends } from './monitoring.trends.js';
import { parseRules, RULE_KEYS, rulesOf, type RuleKey } from './rules.js';
import { ZONES } from './score.js';
import { DashboardPage } from './views/dashboard.js';
import { DetailPage } from './views/detail.js';
import { RulesPage } from './views/rules.js';

const ListQuery = Type.Object({
  zona: Type.Optional(Type.String({ maxLength: 40 })),
  jenis: Type.Optional(Type.String({ maxLength: 40 })),
  urut: Type.Optional(Type.String({ maxLength: 40 })),
});
type ListQuery = typeof ListQuery.static;
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 80 }) });
const RulesInput = Type.Object(
  Object.fromEntries(RULE_KEYS.map((k) => [k, Type.Optional(Type.String({ maxLength: 40 }))])),
);

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | '' =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : '';

/** The address's filters, anything unknown dropped: a stale bookmark still opens a page. */
function paramsOf(query: ListQuery): ListParams {
  return {
    zone: oneOf(ZONES, query.zona),
    kind: oneOf(AGENCY_KINDS, query.jenis),
    sort: (oneOf(SORTS, query.urut) || 'skor') as Sort,
  };
}

const rulesValues = (rules: Record<RuleKey, number>) =>
  Object.fromEntries(RULE_KEYS.map((k) => [k, String(rules[k])]));

/** The monitoring dashboard, one OPD's drill-down, its CSV and the rules. Prefix: /admin */
export default async function monitoringAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  /** The OPDs the reader watches; someone who watches none gets a 404, as for another OPD. */
  const scopeOf = (request: FastifyRequest) => {
    const actor = requireActor(request);
    const scope = monitoringScope(actor);
    if (scope !== 'all' && !scope.length) throw new NotFoundError();
    return { actor, scope };
  };

  const list = async (request: FastifyRequest) => {
    const { actor, scope } = scopeOf(request);
    const params = paramsOf(request.query as ListQuery);
    const rows = await loadHealth(app.db, scope);
    return { actor, params, rows, view: viewOf(rows, params) };
  };

  app.get('/monitoring', { schema: { querystring: ListQuery, hide: true } }, async (request, reply) => {
    const { actor, params, rows, view } = await list(request);
    return reply.page(
      <DashboardPage
        ctx={pageContext(request, reply)}
        rows={view}
        total={rows.length}
        params={params}
        superAdmin={isSuperAdmin(actor)}
      />,
    );
  });

  app.get('/monitoring.csv', { schema: { querystring: ListQuery, hide: true } }, async (request, reply) => {
    const { view } = await list(request);
    const at = now();
    return sendCsv(
      reply,
      `pemantauan-opd-${at.slice(0, 10)}.csv`,
      monitoringCsv(view, request.installation.timeZone),
    );
  });

  app.get('/monitoring/aturan', { schema: { hide: true } }, async (request, reply) => {
    authorize(isSuperAdmin(requireActor(request)));
    const form = emptyForm(rulesValues(rulesOf(request.installation)));
    return reply.page(<RulesPage ctx={pageContext(request, reply)} form={form} />);
  });

  app.post(
    '/monitoring/aturan',
    { schema: { body: RulesInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(isSuperAdmin(actor));
      // Each value is judged by parseRules, whatever the schema thought of it: one message per field.
      const body = typedValues(request.body) as Partial<Record<RuleKey, string>>;
      const parsed = parseRules(body);
      if ('errors' in parsed)
        return reply.page(
          <RulesPage ctx={pageContext(request, reply)} form={formState(request, parsed.errors)} />,
          422,
        );
      await updateRules(app.db, actor, parsed.rules);
      return reply.redirectWithFlash('/admin/monitoring', t.common.saved);
    },
  );

  app.get('/monitoring/:slug', { schema: { params: SlugParams, hide: true } }, async (request, reply) => {
    const { scope } = scopeOf(request);
    const { slug } = request.params as typeof SlugParams.static;
    // Only a slug's characters reach the database (PostgreSQL refuses a NUL outright).
    if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw new NotFoundError();
    const agency = await app.db
      .selectFrom('agencies')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!agency || (scope !== 'all' && !scope.includes(agency.id))) throw new NotFoundError();
    const at = now();
    const [row] = await loadHealth(app.db, [agency.id], at);
    const trends = await loadTrends(app.db, agency.id, at, request.installation.timeZone);
    return reply.page(<DetailPage ctx={pageContext(request, reply)} row={row!} trends={trends} />);
  });
}
