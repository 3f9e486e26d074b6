import { t } from '../../i18n/index.js';
import { Details } from '../../views/components.js';
import type { SocialLinks } from '../agencies.service.js';
import type { Agency } from '../agencies.table.js';

const socialLabels: Record<keyof SocialLinks, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
  x: 'X',
};

/** An agency's address, phone, email, hours and social links: on its home and its Kontak page. */
export function AgencyContact({ agency, social }: { agency: Agency; social: SocialLinks }) {
  const links = (Object.keys(socialLabels) as (keyof SocialLinks)[]).filter((k) => social[k]);
  return (
    <>
      <Details
        items={[
          { label: t.common.address, value: agency.address },
          { label: t.common.phone, value: agency.phone },
          {
            label: t.common.email,
            value: agency.email ? <a href={`mailto:${agency.email}`}>{agency.email}</a> : '',
          },
          { label: t.common.serviceHours, value: agency.serviceHours },
        ]}
      />
      {links.length ? (
        <ul>
          {links.map((k) => (
            <li key={k}>
              <a href={social[k]} rel="noopener noreferrer">
                {socialLabels[k]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
