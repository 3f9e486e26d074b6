import { Type, type TSchema } from '@sinclair/typebox';
import { MANUAL_ITEMS } from './assessment.instrument.js';
import { m } from './messages.js';

/*
 * Route parameters stay plain text: a year or service that is not one answers 404 after the
 * agency check, so nobody learns from a 400 what another agency has.
 */
export const YearParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  year: Type.String({ maxLength: 20 }),
});
export const ServiceParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  year: Type.String({ maxLength: 20 }),
  service: Type.String({ maxLength: 200 }),
});
export const EvidenceParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  year: Type.String({ maxLength: 20 }),
  item: Type.String({ maxLength: 100 }),
});
export const ServiceEvidenceParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  year: Type.String({ maxLength: 20 }),
  service: Type.String({ maxLength: 200 }),
  item: Type.String({ maxLength: 100 }),
});
export const CityQuery = Type.Object({ tahun: Type.Optional(Type.String({ maxLength: 20 })) });

/** One score, note and evidence field per item the OPD fills in; automatic items have none. */
function scoreFields(): Record<string, TSchema> {
  const fields: Record<string, TSchema> = {};
  for (const item of MANUAL_ITEMS) {
    fields[`score_${item.key}`] = Type.Optional(
      Type.String({ title: item.label, pattern: '^[0-3]?$', 'x-error': m.scoreInvalid }),
    );
    fields[`note_${item.key}`] = Type.Optional(
      Type.String({ title: m.note, maxLength: 1000, 'x-error': m.noteTooLong }),
    );
    fields[`evidence_${item.key}`] = Type.Optional(Type.String({ title: m.evidence, maxLength: 60 }));
  }
  return fields;
}

export const ScoresInput = Type.Object(scoreFields());

/** 2000 up to next year (an OPD prepares ahead); anything else is no page. */
export function parseYear(text: string, currentYear: number): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 2000 && year <= currentYear + 1 ? year : null;
}
