import { t } from '../../i18n/index.js';
import type { Agency } from '../agencies.table.js';

export function AgencyCard({ agency }: { agency: Agency }) {
  return (
    <article class="card">
      <h3 class="card__title">
        <a href={`/opd/${agency.slug}`}>{agency.name}</a>
      </h3>
      <p class="card__meta">
        {agency.shortName} · {t.agencyKinds[agency.kind]}
      </p>
    </article>
  );
}
