import { randomUUID } from 'node:crypto';
import type { Agency } from '../agencies/agencies.table.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { refuseSpam, spamErrors } from '../guard/guard.fields.js';
import { slugify } from '../news/slug.js';
import { now } from '../time/clock.js';
import { todayIn } from '../time/zone.js';
import { m } from './messages.js';
import { componentTexts } from './standards.completeness.js';
import { EMPTY_COMPONENTS, type ServiceComponents } from './standards.components.js';
import {
  findPledge,
  insertService,
  savePledgeRow,
  slugTaken,
  updateService,
  type Service,
  type ServicePledge,
} from './standards.repository.js';
import type { ComponentsInput, ServicePatchInput } from './standards.schemas.js';

/** The API's components (snake_case, only those sent) laid over the stored ones. */
export function mergeComponents(base: ServiceComponents, input: ComponentsInput = {}): ServiceComponents {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const trimmed = (list: string[] | undefined) => list?.map((s) => s.trim()).filter(Boolean);
  return {
    legalBasis: pick(input.legal_basis?.trim(), base.legalBasis),
    requirements: pick(trimmed(input.requirements), base.requirements),
    procedure: pick(trimmed(input.procedure), base.procedure),
    timeframe: pick(input.timeframe, base.timeframe),
    fees:
      input.fees === undefined
        ? base.fees
        : input.fees && {
            free: input.fees.free,
            items: input.fees.free
              ? []
              : (input.fees.items ?? []).map((i) => ({
                  name: i.name.trim(),
                  amount: i.amount,
                  legalBasis: i.legal_basis?.trim() ?? '',
                })),
          },
    products: pick(trimmed(input.products), base.products),
    facilities: pick(input.facilities?.trim(), base.facilities),
    competence: pick(input.competence?.trim(), base.competence),
    internalOversight: pick(input.internal_oversight?.trim(), base.internalOversight),
    complaintHandling: pick(input.complaint_handling?.trim(), base.complaintHandling),
    staffing: pick(input.staffing?.trim(), base.staffing),
    serviceGuarantee: pick(input.service_guarantee?.trim(), base.serviceGuarantee),
    safetyGuarantee: pick(input.safety_guarantee?.trim(), base.safetyGuarantee),
    performanceEvaluation: pick(input.performance_evaluation?.trim(), base.performanceEvaluation),
  };
}

/** The service after the fields sent; pure, so the API's PATCH and the form's POST agree. */
export function applyInput(base: Service, input: ServicePatchInput, at: string): Service {
  const status = input.status ?? base.status;
  return {
    ...base,
    name: input.name?.trim() ?? base.name,
    slug: input.slug?.trim() || base.slug,
    summary: input.summary?.trim() ?? base.summary,
    status,
    components: mergeComponents(base.components, input.components),
    decreeNumber: input.decree === undefined ? base.decreeNumber : (input.decree?.number.trim() ?? ''),
    decreeDate: input.decree === undefined ? base.decreeDate : (input.decree?.date ?? null),
    effectiveDate: input.effective_date === undefined ? base.effectiveDate : input.effective_date,
    reviewedOn: input.reviewed_on === undefined ? base.reviewedOn : input.reviewed_on,
    flowMediaId: input.flow_media_id === undefined ? base.flowMediaId : input.flow_media_id,
    publishedAt: status === 'published' ? (base.publishedAt ?? at) : null,
    updatedAt: at,
  };
}

/** Addresses the admin pages use beside `/layanan/{service}`. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['baru', 'maklumat']);

/** Rules the schema cannot say: free address, past dates, fees itemised, the flow image is the agency's. */
async function check(db: DbOrTx, agency: Agency, service: Service, timeZone: string): Promise<void> {
  const errors: Record<string, string> = {};
  if (!service.slug) errors.slug = m.slugEmpty;
  else if (RESERVED_SLUGS.has(service.slug)) errors.slug = m.slugTaken(service.slug);
  else if (await slugTaken(db, agency.id, service.slug, service.id)) errors.slug = m.slugTaken(service.slug);
  const today = todayIn(timeZone);
  if (service.decreeDate && service.decreeDate > today)
    errors['decree.date'] = m.dateFuture(m.decreeDateLabel);
  if (service.reviewedOn && service.reviewedOn > today) errors.reviewed_on = m.dateFuture(m.reviewedOnLabel);
  const fees = service.components.fees;
  if (fees && !fees.free && !fees.items.length) errors['components.fees'] = m.feesItemsMissing;
  if (service.flowMediaId) {
    const media = await db
      .selectFrom('media')
      .select('id')
      .where('agencyId', '=', agency.id)
      .where('id', '=', service.flowMediaId)
      .executeTakeFirst();
    if (!media) errors.flow_media_id = m.flowUnknown;
  }
  Object.assign(
    errors,
    spamErrors({
      name: service.name,
      summary: service.summary,
      ...componentTexts(service.components),
    }),
  );
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** The address a new service gets when none is given: from its name. */
function slugFromName(name: string): string {
  return /[a-z0-9]/i.test(name.normalize('NFKD')) ? slugify(name, 60) : '';
}

export async function createService(
  db: Db,
  agency: Agency,
  input: ServicePatchInput & { name: string },
  timeZone: string,
): Promise<Service> {
  const at = now();
  const blank: Service = {
    id: randomUUID(),
    agencyId: agency.id,
    slug: '',
    name: '',
    summary: '',
    status: 'draft',
    components: { ...EMPTY_COMPONENTS },
    flowMediaId: null,
    decreeNumber: '',
    decreeDate: null,
    decreeFileKey: null,
    effectiveDate: null,
    reviewedOn: null,
    publishedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  const service = applyInput(blank, { ...input, slug: input.slug?.trim() || slugFromName(input.name) }, at);
  await db.transaction().execute(async (tx) => {
    await check(tx, agency, service, timeZone);
    await insertService(tx, service);
    await recordAudit(tx, {
      agencyId: agency.id,
      action: 'service.created',
      subjectType: 'service',
      subjectId: service.id,
      details: { name: service.name, status: service.status },
    });
  });
  return service;
}

export async function changeService(
  db: Db,
  agency: Agency,
  before: Service,
  input: ServicePatchInput,
  timeZone: string,
): Promise<Service> {
  const service = applyInput(before, input, now());
  const changed = (Object.keys(service) as (keyof Service)[]).filter(
    (key) => key !== 'updatedAt' && JSON.stringify(service[key]) !== JSON.stringify(before[key]),
  );
  await db.transaction().execute(async (tx) => {
    await check(tx, agency, service, timeZone);
    await updateService(tx, agency.id, service);
    await recordAudit(tx, {
      agencyId: agency.id,
      action: before.status !== service.status ? `service.${service.status}` : 'service.updated',
      subjectType: 'service',
      subjectId: service.id,
      details: {
        name: service.name,
        changed,
        before: { status: before.status },
        after: { status: service.status },
      },
    });
  });
  return service;
}

/** Keeps the sanitised SK PDF under the service and points the service at it. */
export async function attachDecreeFile(
  db: DbOrTx,
  agency: Agency,
  service: Service,
  key: string,
): Promise<void> {
  await db
    .updateTable('services')
    .set({ decreeFileKey: key, updatedAt: now() })
    .where('agencyId', '=', agency.id)
    .where('id', '=', service.id)
    .execute();
  await recordAudit(db, {
    agencyId: agency.id,
    action: 'service.decree_uploaded',
    subjectType: 'service',
    subjectId: service.id,
    details: { name: service.name },
  });
}

export interface PledgeInput {
  body: string;
  signedBy: string;
  signerPosition: string;
  signedOn: string | null;
  published: boolean;
}

export async function savePledge(db: DbOrTx, agency: Agency, input: PledgeInput): Promise<ServicePledge> {
  refuseSpam({
    body: input.body,
    signed_by: input.signedBy,
    signer_position: input.signerPosition,
  });
  const before = await findPledge(db, agency.id);
  const at = now();
  const pledge: ServicePledge = {
    agencyId: agency.id,
    body: input.body.trim(),
    signedBy: input.signedBy.trim(),
    signerPosition: input.signerPosition.trim(),
    signedOn: input.signedOn,
    publishedAt: input.published ? (before?.publishedAt ?? at) : null,
    updatedAt: at,
  };
  await savePledgeRow(db, pledge);
  await recordAudit(db, {
    agencyId: agency.id,
    action: 'service_pledge.updated',
    subjectType: 'service_pledge',
    subjectId: agency.id,
    details: { before: { published: Boolean(before?.publishedAt) }, after: { published: input.published } },
  });
  return pledge;
}
