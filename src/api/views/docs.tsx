import { t } from '../../i18n/index.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { SchemaLike } from '../docs.routes.js';

export interface Operation {
  method: string;
  path: string;
  summary: string;
  auth: boolean;
  body: SchemaLike | undefined;
  statuses: string[];
}

function Fields({ schema }: { schema: SchemaLike }) {
  const props = Object.entries(schema.properties ?? {});
  return (
    <ul>
      {props.map(([name, s]) => (
        <li key={name}>
          <code>{name}</code> ({s.type ?? 'objek'}
          {schema.required?.includes(name) ? ', wajib' : ''}
          {s.maxLength ? `, maks. ${s.maxLength}` : ''}){s.title ? ` — ${s.title}` : ''}
          {s.enum ? `: ${s.enum.join(', ')}` : ''}
          {s.items?.properties ? <Fields schema={s.items} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function ApiDocsPage({ ctx, operations }: { ctx: PageContext; operations: Operation[] }) {
  return (
    <Layout ctx={ctx} title="Dokumentasi API" crumbs={[{ href: '/', label: t.nav.home }]}>
      <h1>Dokumentasi API</h1>
      <p class="lead">
        API JSON di <code>/api/v1</code>. Kolom memakai snake_case. Kirim token dari{' '}
        <code>POST /api/v1/auth/token</code> sebagai <code>Authorization: Bearer TOKEN</code>. Kesalahan
        dijawab dengan status 4xx dan <code>{'{"error": {"code", "message", "fields"?}}'}</code>. Dokumen
        mesin: <a href="/api/openapi.json">/api/openapi.json</a>.
      </p>
      {operations.map((op) => (
        <section key={`${op.method} ${op.path}`} class="card" aria-label={`${op.method} ${op.path}`}>
          <h2 class="card__title">
            <code>
              {op.method} {op.path}
            </code>
          </h2>
          <p>{op.summary}</p>
          <p class="card__meta">
            {op.auth ? 'Perlu token.' : 'Publik.'} Status: {op.statuses.join(', ')}
          </p>
          {op.body ? (
            <>
              <h3>Isi permintaan</h3>
              <Fields schema={op.body} />
            </>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}
