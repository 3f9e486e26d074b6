import type { Agency, Installation } from '../agencies/agencies.table.js';
import type { Actor } from '../accounts/accounts.policy.js';

/** Which site a request is for: the city portal, or one agency's site (by host or by /opd/{slug}). */
export type Site = { kind: 'portal' } | { kind: 'agency'; agency: Agency; byHost: boolean };

/** What every page needs from the request; built once per request in src/http/page.ts. */
export interface PageContext {
  installation: Installation;
  site: Site;
  actor: Actor | null;
  csrfToken: string;
  path: string;
  flash: string | null;
  /** the public address of the installation, for absolute links (canonical, OpenGraph, JSON-LD) */
  baseUrl: string;
}

/** What a form shows again after a failed submit: what was typed, and a message per field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });
