/**
 * The only place raw HTML reaches a page. `html` must come from `sanitizePostHtml` (post and page
 * bodies stored by the news service): grep for TrustedHtml to review every use.
 */
export function TrustedHtml({ html, class: className }: { html: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
