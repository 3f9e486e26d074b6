/** Dates for people: Indonesian, in the installation's zone ("Rabu, 19 Mei 2021"). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(iso: string, timeZone: string): string {
  return formatter(timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** "Rabu, 19 Mei 2021 pukul 10.05 WIB" */
export function formatDateTime(iso: string, timeZone: string): string {
  const time = formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
  const zone = formatter(timeZone, { timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName')?.value;
  return `${formatDate(iso, timeZone)} pukul ${time}${zone ? ` ${zone}` : ''}`;
}

/** "November 2026" */
export function formatMonth(yyyyMm: string, timeZone: string): string {
  return formatter(timeZone, { month: 'long', year: 'numeric' }).format(new Date(`${yyyyMm}-15T12:00:00Z`));
}
