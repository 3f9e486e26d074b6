import { validateBody } from '../http/validation.js';
import { m, UNIT_LABELS } from './messages.js';
import { TIMEFRAME_UNITS, type TimeframeUnit } from './standards.components.js';
import type { Service } from './standards.repository.js';
import { ServiceInput, type ComponentsInput, type ServiceFormBody } from './standards.schemas.js';

/*
 * The admin form keeps lists as one item per line (no script needed to add rows). These functions
 * turn its fields into the API's body and back; the route then checks the body with the API's schema.
 */

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\d+[.)]|[-•*])\s+/, '').trim())
    .filter(Boolean);

const blankToNull = (text: string | undefined): string | null => (text?.trim() ? text.trim() : null);

const TEXT_KEYS = [
  'legal_basis',
  'facilities',
  'competence',
  'internal_oversight',
  'complaint_handling',
  'staffing',
  'service_guarantee',
  'safety_guarantee',
  'performance_evaluation',
] as const;

interface Parsed {
  input: ServiceInput;
  errors: Record<string, string>;
}

function parseTimeframe(body: ServiceFormBody, errors: Record<string, string>): ComponentsInput['timeframe'] {
  const value = body.timeframe_value?.trim() ?? '';
  const unit = body.timeframe_unit?.trim() ?? '';
  if (!value) return null;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1) errors.timeframe_value = m.timeframeNumber;
  if (!(TIMEFRAME_UNITS as readonly string[]).includes(unit)) errors.timeframe_unit = m.timeframeUnitMissing;
  return { value: Number(value), unit: unit as TimeframeUnit };
}

/** "Retribusi | 50000 | Perda …" per line; the amount may carry "Rp" and thousands dots. */
function parseFees(body: ServiceFormBody, errors: Record<string, string>): ComponentsInput['fees'] {
  if (body.fees_kind === 'gratis') return { free: true, items: [] };
  if (body.fees_kind !== 'berbayar') return null;
  const items = lines(body.fees_items).map((line, i) => {
    const [name = '', amount = '', legal = ''] = line.split('|').map((s) => s.trim());
    const digits = amount.replace(/^rp\.?\s*/i, '').replace(/[.,\s]/g, '');
    if (!name || !/^\d{1,13}$/.test(digits)) errors.fees_items ??= m.feesItemLine(i + 1);
    return { name, amount: Number(digits) || 0, legal_basis: legal };
  });
  if (!items.length) errors.fees_items = m.feesItemsMissing;
  return { free: false, items };
}

/** The form's fields as the API's body, with the messages only the form can have (lines, units). */
export function formToInput(body: ServiceFormBody): Parsed {
  const errors: Record<string, string> = {};
  const components: ComponentsInput = {
    requirements: lines(body.requirements),
    procedure: lines(body.procedure),
    products: lines(body.products),
    timeframe: parseTimeframe(body, errors),
    fees: parseFees(body, errors),
  };
  for (const key of TEXT_KEYS) components[key] = body[key]?.trim() ?? '';
  const decreeNumber = body.decree_number?.trim() ?? '';
  const decreeDate = blankToNull(body.decree_date);
  if (decreeNumber && !decreeDate) errors.decree_date = m.decreeDateMissing;
  const input: ServiceInput = {
    name: body.name,
    slug: body.slug?.trim() ?? '',
    summary: body.summary?.trim() ?? '',
    status: body.status ?? 'draft',
    components,
    decree: decreeNumber && decreeDate ? { number: decreeNumber, date: decreeDate } : null,
    effective_date: blankToNull(body.effective_date),
    reviewed_on: blankToNull(body.reviewed_on),
    flow_media_id: blankToNull(body.flow_media_id),
  };
  if (!decreeNumber && decreeDate)
    errors.decree_number = `${m.decreeNumberLabel} wajib diisi bila tanggal SK diisi.`;
  return { input, errors: { ...apiErrorsAsFormFields(validateBody(ServiceInput, input) ?? {}), ...errors } };
}

/** The API's field paths (components.requirements.0, decree.date) named as the form's fields. */
export function apiErrorsAsFormFields(errors: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    let field = parts[0] === 'components' ? (parts[1] ?? '_') : (parts[0] ?? '_');
    if (field === 'timeframe') field = parts[2] === 'unit' ? 'timeframe_unit' : 'timeframe_value';
    if (field === 'fees') field = 'fees_items';
    if (field === 'decree') field = parts[1] === 'number' ? 'decree_number' : 'decree_date';
    fields[field] ??= message;
  }
  return fields;
}

/** A stored service as the form's fields. */
export function serviceToForm(service: Service): Record<string, string> {
  const c = service.components;
  return {
    name: service.name,
    slug: service.slug,
    summary: service.summary,
    status: service.status,
    legal_basis: c.legalBasis,
    requirements: c.requirements.join('\n'),
    procedure: c.procedure.join('\n'),
    timeframe_value: c.timeframe ? String(c.timeframe.value) : '',
    timeframe_unit: c.timeframe?.unit ?? 'hari_kerja',
    fees_kind: c.fees ? (c.fees.free ? 'gratis' : 'berbayar') : '',
    fees_items: (c.fees?.items ?? []).map((i) => `${i.name} | ${i.amount} | ${i.legalBasis}`).join('\n'),
    products: c.products.join('\n'),
    facilities: c.facilities,
    competence: c.competence,
    internal_oversight: c.internalOversight,
    complaint_handling: c.complaintHandling,
    staffing: c.staffing,
    service_guarantee: c.serviceGuarantee,
    safety_guarantee: c.safetyGuarantee,
    performance_evaluation: c.performanceEvaluation,
    decree_number: service.decreeNumber,
    decree_date: service.decreeDate ?? '',
    effective_date: service.effectiveDate ?? '',
    reviewed_on: service.reviewedOn ?? '',
    flow_media_id: service.flowMediaId ?? '',
  };
}

export const unitOptions = TIMEFRAME_UNITS.map((unit) => ({ value: unit, label: UNIT_LABELS[unit] }));
