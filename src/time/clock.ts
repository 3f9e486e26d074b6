/** The current time as stored: ISO-8601 UTC. One place, so tests and jobs agree on the format. */
export function now(): string {
  return new Date().toISOString();
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
