// One formatter per zone: building an Intl formatter costs far more than using one, and deadlines
// and medians over many complaints ask for offsets often.
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const HOUR = 3_600_000;
/** offsets by zone and UTC hour, for hours the offset does not change within; bounded */
const hourOffsets = new Map<string, number>();

/**
 * Minutes the zone is ahead of UTC at the given instant (420 for Asia/Pontianak). Deadlines and
 * working days ask this many times per complaint, so it is kept per zone and UTC hour, for an hour
 * whose first and last millisecond have the same offset (an hour with a change is worked out each time).
 */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const time = instant.getTime();
  if (Number.isNaN(time)) return offsetAt(instant, timeZone);
  const start = Math.floor(time / HOUR) * HOUR;
  const key = `${timeZone} ${start}`;
  const known = hourOffsets.get(key);
  if (known !== undefined) return known;
  const offset = offsetAt(new Date(start), timeZone);
  if (offset !== offsetAt(new Date(start + HOUR - 1), timeZone)) return offsetAt(instant, timeZone);
  if (hourOffsets.size >= 10_000) hourOffsets.clear();
  hourOffsets.set(key, offset);
  return offset;
}

function offsetAt(instant: Date, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const wholeSeconds = instant.getTime() - (((instant.getTime() % 1000) + 1000) % 1000);
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

/** The UTC instant of a local wall-clock time in the zone. */
export function zonedToUtc(year: number, month: number, day: number, timeZone: string): string {
  const guess = new Date(Date.UTC(year, month - 1, day));
  return new Date(guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60_000).toISOString();
}

/** [from, to) in UTC for a calendar month in the zone, from "YYYY-MM"; undefined when malformed. */
export function monthRange(yyyyMm: string, timeZone: string): { from: string; to: string } | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(yyyyMm);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return {
    from: zonedToUtc(year, month, 1, timeZone),
    to: month === 12 ? zonedToUtc(year + 1, 1, 1, timeZone) : zonedToUtc(year, month + 1, 1, timeZone),
  };
}

/** Today's date in the zone, YYYY-MM-DD. */
export function todayIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** A `datetime-local` value typed in the installation's zone → UTC ISO; undefined when malformed. */
export function localDateTimeToUtc(value: string, offsetMinutes: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi) - offsetMinutes * 60_000;
  return Number.isNaN(utc) ? undefined : new Date(utc).toISOString();
}
