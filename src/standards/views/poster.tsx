import type { Agency } from '../../agencies/agencies.table.js';
import { asset } from '../../views/assets.js';
import { COMPONENT_LABELS, m } from '../messages.js';
import { PUBLIC_COMPONENT_KEYS } from '../standards.completeness.js';
import type { Service } from '../standards.repository.js';
import { ComponentValue } from './components.js';
import { QrCode } from './qr.js';

/** Characters of the six public components past which the poster switches to smaller type. */
const DENSE_AFTER = 1400;

function publicTextLength(service: Service): number {
  const c = service.components;
  const fees = c.fees?.items.map((i) => `${i.name} ${i.legalBasis} Rp000.000`) ?? [];
  return [...c.requirements, ...c.procedure, ...c.products, ...fees, c.complaintHandling].join(' ').length;
}

interface Props {
  agency: Agency;
  service: Service;
  /** the service's absolute public address, which the QR code carries */
  url: string;
  installationName: string;
}

/**
 * The poster for the service counter: one A4 page (print CSS in standards.css sets @page and sizes
 * the type to fit), the six public components in compact form, and a QR code to the full standard.
 * Its own document rather than the site layout: no header, menus or footer on paper.
 */
export function PosterPage({ agency, service, url, installationName }: Props) {
  const dense = publicTextLength(service) > DENSE_AFTER;
  return (
    <html lang="id">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${m.posterHeading}: ${service.name} — ${agency.name}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href={asset('css/standards.css')} />
      </head>
      <body class="poster-body">
        <main class={dense ? 'poster poster--dense' : 'poster'}>
          <header class="poster__header">
            <p class="poster__agency">
              {agency.name}
              <br />
              <span>{installationName}</span>
            </p>
            <p class="poster__kicker">{m.posterHeading}</p>
            <h1 class="poster__title">{service.name}</h1>
          </header>
          <div class="poster__grid">
            {PUBLIC_COMPONENT_KEYS.map((key) => (
              <section key={key} class="poster__item" aria-labelledby={`poster-${key}`}>
                <h2 id={`poster-${key}`}>{COMPONENT_LABELS[key]}</h2>
                <ComponentValue components={service.components} name={key} />
              </section>
            ))}
          </div>
          <footer class="poster__footer">
            <QrCode text={url} title={m.qrTitle(url)} class="poster__qr" />
            <p>
              <strong>{m.posterScan}</strong>
              <br />
              <span class="poster__url">{url}</span>
            </p>
          </footer>
          <p class="poster__hint">{m.posterPrint}</p>
        </main>
      </body>
    </html>
  );
}
