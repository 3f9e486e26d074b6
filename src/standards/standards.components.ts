/** The 14 components of a service standard (UU 25/2009 Pasal 21), as stored and as the API names them. */

export const TIMEFRAME_UNITS = ['hari_kerja', 'hari', 'jam'] as const;
export type TimeframeUnit = (typeof TIMEFRAME_UNITS)[number];

export interface Timeframe {
  value: number;
  unit: TimeframeUnit;
}

export interface FeeItem {
  /** what is paid for, e.g. "Retribusi izin" */
  name: string;
  /** rupiah */
  amount: number;
  /** the regulation that sets it (Perda, Perwa…) */
  legalBasis: string;
}

/** "Gratis", or the amounts each with its legal basis. */
export interface Fees {
  free: boolean;
  items: FeeItem[];
}

export interface ServiceComponents {
  legalBasis: string;
  requirements: string[];
  /** ordered steps; the flow chart image is the service's flowMediaId */
  procedure: string[];
  timeframe: Timeframe | null;
  fees: Fees | null;
  products: string[];
  facilities: string;
  competence: string;
  internalOversight: string;
  complaintHandling: string;
  staffing: string;
  serviceGuarantee: string;
  safetyGuarantee: string;
  performanceEvaluation: string;
}

export const EMPTY_COMPONENTS: ServiceComponents = {
  legalBasis: '',
  requirements: [],
  procedure: [],
  timeframe: null,
  fees: null,
  products: [],
  facilities: '',
  competence: '',
  internalOversight: '',
  complaintHandling: '',
  staffing: '',
  serviceGuarantee: '',
  safetyGuarantee: '',
  performanceEvaluation: '',
};

const isText = (v: unknown): v is string => typeof v === 'string';
const textList = (v: unknown): string[] =>
  Array.isArray(v)
    ? v
        .filter(isText)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

function parseTimeframe(v: unknown): Timeframe | null {
  if (!v || typeof v !== 'object') return null;
  const { value, unit } = v as Record<string, unknown>;
  if (typeof value !== 'number' || !(TIMEFRAME_UNITS as readonly unknown[]).includes(unit)) return null;
  return { value, unit: unit as TimeframeUnit };
}

function parseFees(v: unknown): Fees | null {
  if (!v || typeof v !== 'object') return null;
  const { free, items } = v as Record<string, unknown>;
  const list = Array.isArray(items) ? items : [];
  return {
    free: free === true,
    items: list.flatMap((item: unknown) => {
      if (!item || typeof item !== 'object') return [];
      const { name, amount, legalBasis } = item as Record<string, unknown>;
      if (!isText(name) || typeof amount !== 'number') return [];
      return [{ name, amount, legalBasis: isText(legalBasis) ? legalBasis : '' }];
    }),
  };
}

/** Reads the stored JSON defensively: a malformed column reads as empty components, never as a 500. */
export function parseComponents(json: string): ServiceComponents {
  let raw: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(json);
    raw = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return { ...EMPTY_COMPONENTS };
  }
  const text = (key: keyof ServiceComponents) => (isText(raw[key]) ? (raw[key] as string) : '');
  return {
    legalBasis: text('legalBasis'),
    requirements: textList(raw.requirements),
    procedure: textList(raw.procedure),
    timeframe: parseTimeframe(raw.timeframe),
    fees: parseFees(raw.fees),
    products: textList(raw.products),
    facilities: text('facilities'),
    competence: text('competence'),
    internalOversight: text('internalOversight'),
    complaintHandling: text('complaintHandling'),
    staffing: text('staffing'),
    serviceGuarantee: text('serviceGuarantee'),
    safetyGuarantee: text('safetyGuarantee'),
    performanceEvaluation: text('performanceEvaluation'),
  };
}

/** Every piece of text inside a component's value (lists, fee items), line by line. */
export function textIn(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textIn).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(textIn).join('\n');
  return '';
}

/** The words of a whole standard, as search reads them: the time limit's unit is a code, not words. */
export const standardText = (components: ServiceComponents): string =>
  textIn({ ...components, timeframe: null });
