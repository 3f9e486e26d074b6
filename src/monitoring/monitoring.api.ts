import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../http/auth.js';
import { loadHealth, monitoringScope, type HealthRow } from './monitoring.service.js';
import { ZONES } from './score.js';
import { errorResponses as err } from '../http/schema.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const MonitoringJson = Type.Object({
  agency: Type.Object({ slug: Type.String(), name: Type.String() }),
  last_post_at: Nullable(Type.String({ format: 'date-time' })),
  posts_7d: Type.Integer(),
  posts_30d: Type.Integer(),
  active_admins: Type.Integer({ description: 'admin yang masuk dalam jangka aturan (bawaan 90 hari)' }),
  standards_complete: Type.Integer(),
  standards_total: Type.Integer(),
  complaints_received: Type.Integer({ description: 'aduan diterima tahun ini sebagai OPD utama' }),
  complaints_on_time_rate: Nullable(
    Type.Number({ description: '0–100; null bila belum ada yang jatuh tempo' }),
  ),
  complaints_overdue: Type.Integer(),
  satisfaction: Nullable(Type.Number({ description: 'rata-rata penilaian 1–5' })),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  zone: Type.Unsafe<string>({ type: 'string', enum: [...ZONES] }),
  problems: Type.Array(Type.String()),
});

export function presentHealth(r: HealthRow) {
  return {
    agency: { slug: r.slug, name: r.name },
    last_post_at: r.lastPostAt,
    posts_7d: r.posts7d,
    posts_30d: r.posts30d,
    active_admins: r.activeAdmins,
    standards_complete: r.servicesComplete,
    standards_total: r.servicesTotal,
    complaints_received: r.complaintsReceived,
    complaints_on_time_rate: r.inTimePercent,
    complaints_overdue: r.overdue,
    satisfaction: r.satisfaction,
    score: r.score,
    zone: r.zone,
    problems: r.problems,
  };
}

/** /api/v1/monitoring: the dashboard's rows for apps, scoped like the dashboard. Prefix: /api/v1 */
export default async function monitoringApi(app: FastifyInstance) {
  app.get(
    '/monitoring',
    {
      schema: {
        tags: ['monitoring'],
        summary:
          'Kesehatan situs dan layanan tiap OPD (super admin: semua; admin OPD: OPD-nya; peran lain: kosong)',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(MonitoringJson), ...err([401]) },
      },
    },
    async (request) => {
      const rows = await loadHealth(app.db, monitoringScope(requireActor(request)));
      return rows.map(presentHealth);
    },
  );
}
