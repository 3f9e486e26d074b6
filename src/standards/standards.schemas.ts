import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { SlugParams } from '../agencies/agencies.schemas.js';
import { Choice, SLUG_PATTERN, Text } from '../http/schema.js';
import { COMPONENT_LABELS, m } from './messages.js';
import { TIMEFRAME_UNITS } from './standards.components.js';
import { SERVICE_STATUSES } from './standards.table.js';

/*
 * The API body and the admin form share these field schemas. The form sends lines of text; the
 * route turns them into the API's shape (standards.form.ts) and checks that against ServiceInput,
 * so a rule is written once and worded the same in both places.
 */

const L = COMPONENT_LABELS;
const optionalText = (title: string, max: number) => Text(title, max, { required: false });
const Lines = (title: string) => Type.Array(Text(title, 1000), { title, maxItems: 60 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateText = (title: string) =>
  Type.String({ title, format: 'date', 'x-error': m.dateFormat(title), description: 'YYYY-MM-DD' });

export const ServiceName = Text(m.nameLabel, 150);
export const ServiceSlugInput = Type.String({
  title: m.slugLabel,
  maxLength: 60,
  pattern: `^\\s*$|${SLUG_PATTERN}`,
  'x-error': m.slugPattern,
});
export const ServiceSummary = optionalText(m.summaryLabel, 500);
export const ServiceStatusInput = Choice(m.statusLabel, SERVICE_STATUSES);
export const TimeframeUnitInput = Choice(m.timeframeUnitLabel, TIMEFRAME_UNITS);

export const ComponentsInput = Type.Object({
  legal_basis: Type.Optional(optionalText(L.legal_basis, 5000)),
  requirements: Type.Optional(Lines(L.requirements)),
  procedure: Type.Optional(Lines(L.procedure)),
  timeframe: Type.Optional(
    Nullable(
      Type.Object(
        {
          value: Type.Integer({ title: m.timeframeValueLabel, minimum: 1, maximum: 10_000 }),
          unit: TimeframeUnitInput,
        },
        { title: L.timeframe },
      ),
    ),
  ),
  fees: Type.Optional(
    Nullable(
      Type.Object(
        {
          free: Type.Boolean({ title: m.feesKindLabel }),
          items: Type.Optional(
            Type.Array(
              Type.Object({
                name: Text(m.feesItemsLabel, 200),
                amount: Type.Integer({ title: m.feesItemsLabel, minimum: 0, maximum: 1_000_000_000_000 }),
                legal_basis: Type.Optional(optionalText(L.legal_basis, 500)),
              }),
              { title: m.feesItemsLabel, maxItems: 30 },
            ),
          ),
        },
        { title: L.fees },
      ),
    ),
  ),
  products: Type.Optional(Lines(L.products)),
  facilities: Type.Optional(optionalText(L.facilities, 5000)),
  competence: Type.Optional(optionalText(L.competence, 5000)),
  internal_oversight: Type.Optional(optionalText(L.internal_oversight, 5000)),
  complaint_handling: Type.Optional(optionalText(L.complaint_handling, 5000)),
  staffing: Type.Optional(optionalText(L.staffing, 5000)),
  service_guarantee: Type.Optional(optionalText(L.service_guarantee, 5000)),
  safety_guarantee: Type.Optional(optionalText(L.safety_guarantee, 5000)),
  performance_evaluation: Type.Optional(optionalText(L.performance_evaluation, 5000)),
});
export type ComponentsInput = Static<typeof ComponentsInput>;

export const DecreeInput = Type.Object(
  { number: Text(m.decreeNumberLabel, 120), date: DateText(m.decreeDateLabel) },
  { title: m.decreeNumberLabel },
);

const serviceFields = {
  name: ServiceName,
  slug: Type.Optional(ServiceSlugInput),
  summary: Type.Optional(ServiceSummary),
  status: Type.Optional(ServiceStatusInput),
  components: Type.Optional(ComponentsInput),
  decree: Type.Optional(Nullable(DecreeInput)),
  effective_date: Type.Optional(Nullable(DateText(m.effectiveDateLabel))),
  reviewed_on: Type.Optional(Nullable(DateText(m.reviewedOnLabel))),
  flow_media_id: Type.Optional(
    Nullable(Type.String({ title: m.flowLabel, pattern: '^[0-9a-f-]{36}$', 'x-error': m.flowUnknown })),
  ),
};

/** A new service (API and, after standards.form.ts, the admin form). */
export const ServiceInput = Type.Object(serviceFields);
export type ServiceInput = Static<typeof ServiceInput>;
/** Changing a service: only the fields sent; `components` merges key by key. */
export const ServicePatchInput = Type.Partial(Type.Object(serviceFields));
export type ServicePatchInput = Static<typeof ServicePatchInput>;

/** The admin form as posted: text fields, lists one item per line. */
export const ServiceFormBody = Type.Object({
  name: ServiceName,
  slug: Type.Optional(ServiceSlugInput),
  summary: Type.Optional(ServiceSummary),
  status: Type.Optional(ServiceStatusInput),
  legal_basis: Type.Optional(optionalText(L.legal_basis, 5000)),
  requirements: Type.Optional(optionalText(L.requirements, 20_000)),
  procedure: Type.Optional(optionalText(L.procedure, 20_000)),
  timeframe_value: Type.Optional(optionalText(m.timeframeValueLabel, 10)),
  timeframe_unit: Type.Optional(optionalText(m.timeframeUnitLabel, 20)),
  fees_kind: Type.Optional(optionalText(m.feesKindLabel, 20)),
  fees_items: Type.Optional(optionalText(m.feesItemsLabel, 10_000)),
  products: Type.Optional(optionalText(L.products, 10_000)),
  facilities: Type.Optional(optionalText(L.facilities, 5000)),
  competence: Type.Optional(optionalText(L.competence, 5000)),
  internal_oversight: Type.Optional(optionalText(L.internal_oversight, 5000)),
  complaint_handling: Type.Optional(optionalText(L.complaint_handling, 5000)),
  staffing: Type.Optional(optionalText(L.staffing, 5000)),
  service_guarantee: Type.Optional(optionalText(L.service_guarantee, 5000)),
  safety_guarantee: Type.Optional(optionalText(L.safety_guarantee, 5000)),
  performance_evaluation: Type.Optional(optionalText(L.performance_evaluation, 5000)),
  decree_number: Type.Optional(optionalText(m.decreeNumberLabel, 120)),
  decree_date: Type.Optional(optionalText(m.decreeDateLabel, 10)),
  effective_date: Type.Optional(optionalText(m.effectiveDateLabel, 10)),
  reviewed_on: Type.Optional(optionalText(m.reviewedOnLabel, 10)),
  flow_media_id: Type.Optional(optionalText(m.flowLabel, 36)),
});
export type ServiceFormBody = Static<typeof ServiceFormBody>;

export const PledgeFormBody = Type.Object({
  body: Text(m.pledgeBodyLabel, 5000),
  signed_by: Text(m.pledgeSignedByLabel, 150),
  signer_position: Text(m.pledgePositionLabel, 150),
  signed_on: Type.Optional(optionalText(m.pledgeSignedOnLabel, 10)),
  published: Type.Optional(Type.String({ maxLength: 10 })),
});
export type PledgeFormBody = Static<typeof PledgeFormBody>;

/** `/opd/{slug}/layanan/{service}` and the admin pages of one service. */
export const ServiceParams = Type.Intersect([
  SlugParams,
  Type.Object({ service: Type.String({ maxLength: 60, pattern: SLUG_PATTERN }) }),
]);
export const HostServiceParams = Type.Object({
  service: Type.String({ maxLength: 60, pattern: SLUG_PATTERN }),
});
export const ServiceIdParams = Type.Object({
  id: Type.String({ maxLength: 36, pattern: '^[0-9a-f-]{36}$' }),
});
export const CatalogueQuery = Type.Object({
  q: Type.Optional(optionalText(m.searchLabel, 100)),
  opd: Type.Optional(Type.String({ maxLength: 60 })),
});
