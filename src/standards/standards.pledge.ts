import { todayIn } from '../time/zone.js';
import { m } from './messages.js';
import type { ServicePledge } from './standards.repository.js';
import type { PledgeFormBody } from './standards.schemas.js';
import type { PledgeInput } from './standards.service.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function pledgeToForm(pledge: ServicePledge | undefined): Record<string, string> {
  if (!pledge) return {};
  return {
    body: pledge.body,
    signed_by: pledge.signedBy,
    signer_position: pledge.signerPosition,
    signed_on: pledge.signedOn ?? '',
    published: pledge.publishedAt ? 'ya' : '',
  };
}

/** The maklumat form as the service's input, or the messages for the fields the schema cannot judge. */
export function pledgeInput(
  body: PledgeFormBody,
  timeZone: string,
): { input: PledgeInput } | { errors: Record<string, string> } {
  const signedOn = body.signed_on?.trim() || null;
  if (signedOn && (!DATE.test(signedOn) || Number.isNaN(Date.parse(signedOn))))
    return { errors: { signed_on: m.dateFormat(m.pledgeSignedOnLabel) } };
  if (signedOn && signedOn > todayIn(timeZone))
    return { errors: { signed_on: m.dateFuture(m.pledgeSignedOnLabel) } };
  return {
    input: {
      body: body.body,
      signedBy: body.signed_by,
      signerPosition: body.signer_position,
      signedOn,
      published: body.published === 'ya',
    },
  };
}
