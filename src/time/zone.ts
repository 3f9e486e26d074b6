/** Minutes the zone is ahead of UTC at the given instant (420 for Asia/Pontianak). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
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
