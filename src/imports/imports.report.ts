import { m } from './messages.js';
import type { Outcome } from './wordpress.posts.js';
import type { WxrItem } from './wordpress.parse.js';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface ImportReport {
  posts: Counts;
  pages: Counts;
  media: { created: number; unchanged: number; skipped: number; failed: number };
  mediaFailures: string[];
  /** redirects the agency has after the run */
  redirects: number;
  held: { title: string; path: string }[];
  /** per post or page: what could not be carried over */
  warnings: { title: string; link: string; notes: string[] }[];
  seconds: number;
}

const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0, skipped: 0 });

export const emptyReport = (): ImportReport => ({
  posts: zero(),
  pages: zero(),
  media: { created: 0, unchanged: 0, skipped: 0, failed: 0 },
  mediaFailures: [],
  redirects: 0,
  held: [],
  warnings: [],
  seconds: 0,
});

export function tally(report: ImportReport, item: WxrItem, outcome: Outcome): void {
  report[item.kind === 'page' ? 'pages' : 'posts'][outcome.result]++;
  if (outcome.held) report.held.push({ title: item.title, path: outcome.path ?? '' });
  if (outcome.warnings.length)
    report.warnings.push({ title: item.title, link: item.link, notes: outcome.warnings });
}

const r = m.report;
const line = (label: string, c: Counts) =>
  `${label}: ${c.created} ${r.created}, ${c.updated} ${r.updated}, ${c.unchanged} ${r.unchanged}, ${c.skipped} ${r.skipped}`;

/** The report as the CLI prints it. */
export function reportLines(report: ImportReport): string[] {
  const md = report.media;
  const lines = [
    r.title,
    line(r.posts, report.posts),
    line(r.pages, report.pages),
    `${r.media}: ${md.created} ${r.created}, ${md.unchanged} ${r.unchanged}, ${md.skipped} ${r.skipped}, ${md.failed} ${r.failed}`,
    `${r.redirects}: ${report.redirects}`,
    `${r.held}: ${report.held.length}`,
  ];
  for (const h of report.held) lines.push(`  - ${h.title} (${h.path})`);
  for (const f of report.mediaFailures) lines.push(`  ! ${f}`);
  if (report.warnings.length) lines.push(`${r.warnings}:`);
  for (const w of report.warnings) {
    lines.push(`  - ${w.title} <${w.link}>`);
    for (const note of w.notes) lines.push(`      · ${note}`);
  }
  lines.push(r.seconds(report.seconds.toLocaleString('id-ID', { maximumFractionDigits: 1 })));
  return lines;
}
