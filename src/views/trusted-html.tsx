/**
 * The only place raw HTML reaches a page. `html` must come from `sanitizePostHtml` (post and page
 * bodies stored by the news service): grep for TrustedHtml to review every use.
 */
export function TrustedHtml({ html, class: className }: { html: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Structured data for search engines. A data block is not executed (so the CSP allows it); `<` is
 * escaped so no value can close the element.
 */
export function JsonLd({ data }: { data: object }) {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
