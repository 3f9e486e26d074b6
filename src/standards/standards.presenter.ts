import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Agency } from '../agencies/agencies.table.js';
import { COMPONENT_KEYS, type Completeness } from './standards.completeness.js';
import { TIMEFRAME_UNITS } from './standards.components.js';
import type { Service } from './standards.repository.js';
import { SERVICE_STATUSES } from './standards.table.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = Type.String();
const List = Type.Array(Type.String());

const ComponentsJson = Type.Object({
  legal_basis: Text,
  requirements: List,
  procedure: List,
  timeframe: Nullable(
    Type.Object({
      value: Type.Integer(),
      unit: Type.Unsafe<string>({ type: 'string', enum: [...TIMEFRAME_UNITS] }),
    }),
  ),
  fees: Nullable(
    Type.Object({
      free: Type.Boolean(),
      items: Type.Array(Type.Object({ name: Text, amount: Type.Integer(), legal_basis: Text })),
    }),
  ),
  products: List,
  facilities: Text,
  competence: Text,
  internal_oversight: Text,
  complaint_handling: Text,
  staffing: Text,
  service_guarantee: Text,
  safety_guarantee: Text,
  performance_evaluation: Text,
});

const CompletenessJson = Type.Object({
  missing: Type.Array(Type.Unsafe<string>({ type: 'string', enum: [...COMPONENT_KEYS] }), {
    description: 'Komponen yang masih kosong, dalam urutan UU 25/2009 Pasal 21',
  }),
  public_published: Type.Boolean({ description: 'Layanan terbit dan 6 komponen pelayanan terisi' }),
  has_decree: Type.Boolean({ description: 'Nomor dan tanggal SK penetapan ada' }),
  reviewed_within_year: Type.Boolean({ description: 'Dievaluasi (atau ditetapkan) dalam 12 bulan terakhir' }),
  complete: Type.Boolean(),
});

export const ServiceJson = Type.Object({
  id: Type.String(),
  agency: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  summary: Type.String(),
  status: Type.Unsafe<Service['status']>({ type: 'string', enum: [...SERVICE_STATUSES] }),
  components: ComponentsJson,
  flow_media_id: Nullable(Type.String()),
  decree: Nullable(
    Type.Object({ number: Type.String(), date: Type.String(), file_url: Nullable(Type.String()) }),
  ),
  effective_date: Nullable(Type.String()),
  reviewed_on: Nullable(Type.String()),
  published_at: Nullable(Type.String({ format: 'date-time' })),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  url: Type.String({ description: 'Halaman publik (ada bila layanan terbit)' }),
  completeness: CompletenessJson,
});
export type ServiceJson = Static<typeof ServiceJson>;

export const ServiceListJson = Type.Object({
  agency: Type.Object({ slug: Type.String(), name: Type.String(), short_name: Type.String() }),
  services: Type.Array(ServiceJson),
});

export function presentService(
  service: Service,
  agency: Pick<Agency, 'slug'>,
  check: Completeness,
  baseUrl: string,
  fileUrl: (key: string) => string,
): ServiceJson {
  const c = service.components;
  return {
    id: service.id,
    agency: agency.slug,
    slug: service.slug,
    name: service.name,
    summary: service.summary,
    status: service.status,
    components: {
      legal_basis: c.legalBasis,
      requirements: c.requirements,
      procedure: c.procedure,
      timeframe: c.timeframe,
      fees: c.fees && {
        free: c.fees.free,
        items: c.fees.items.map((i) => ({ name: i.name, amount: i.amount, legal_basis: i.legalBasis })),
      },
      products: c.products,
      facilities: c.facilities,
      competence: c.competence,
      internal_oversight: c.internalOversight,
      complaint_handling: c.complaintHandling,
      staffing: c.staffing,
      service_guarantee: c.serviceGuarantee,
      safety_guarantee: c.safetyGuarantee,
      performance_evaluation: c.performanceEvaluation,
    },
    flow_media_id: service.flowMediaId,
    decree:
      service.decreeNumber && service.decreeDate
        ? {
            number: service.decreeNumber,
            date: service.decreeDate,
            file_url: service.decreeFileKey ? `${baseUrl}${fileUrl(service.decreeFileKey)}` : null,
          }
        : null,
    effective_date: service.effectiveDate,
    reviewed_on: service.reviewedOn,
    published_at: service.publishedAt,
    created_at: service.createdAt,
    updated_at: service.updatedAt,
    url: `${baseUrl}/opd/${agency.slug}/layanan/${service.slug}`,
    completeness: {
      missing: check.missing,
      public_published: check.publicPublished,
      has_decree: check.hasDecree,
      reviewed_within_year: check.reviewedWithinYear,
      complete: check.complete,
    },
  };
}
