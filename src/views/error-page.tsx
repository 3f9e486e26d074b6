import { t } from '../i18n/index.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { asset } from './assets.js';

/** 404, 403, 429, 500…: one page, in the site's layout when the request got that far. */
export function ErrorPage({
  ctx,
  title,
  message,
}: {
  ctx: PageContext | null;
  title: string;
  message: string;
}) {
  const body = (
    <>
      <h1>{title}</h1>
      <p class="lead">{message}</p>
      <p>
        <a href="/">{t.errors.backHome}</a>
      </p>
    </>
  );
  if (ctx)
    return (
      <Layout ctx={ctx} title={title}>
        {body}
      </Layout>
    );
  return (
    <html lang="id">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href={asset('css/main.css')} />
      </head>
      <body>
        <main id="konten" class="site-main container">
          {body}
        </main>
      </body>
    </html>
  );
}
