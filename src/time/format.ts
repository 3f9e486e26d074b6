/** Dates for people: Indonesian, in the installation's zone ("Rabu, 19 Mei 2021"). */
// Keyed by the options object (the constants below) and the zone, not by a string made per call: a
// queue page formats a few hundred dates, and building that key was a quarter of the time they took.
const formatters = new Map<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();
const DATE: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
// The time and the zone's short name in one call ("10.05 WIB"): the same text as formatting the time
// and picking the name out of formatToParts (checked over seven zones and seven years of instants).
const TIME_ZONE: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};
const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let zones = formatters.get(options);
  if (!zones) formatters.set(options, (zones = new Map()));
  let f = zones.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', { timeZone, ...options });
    zones.set(timeZone, f);
  }
  return f;
}

export function formatDate(iso: string, timeZone: string): string {
  return formatter(timeZone, DATE).format(new Date(iso));
}

/** "Rabu, 19 Mei 2021 pukul 10.05 WIB" */
export function formatDateTime(iso: string, timeZone: string): string {
  return `${formatDate(iso, timeZone)} pukul ${formatter(timeZone, TIME_ZONE).format(new Date(iso))}`;
}

/** "November 2026" */
export function formatMonth(yyyyMm: string, timeZone: string): string {
  return formatter(timeZone, MONTH).format(new Date(`${yyyyMm}-15T12:00:00Z`));
}
