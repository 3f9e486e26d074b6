/** "Rapat Koordinasi Penanganan Banjir di Kelurahan Bansir Darat" → "rapat-koordinasi-penanganan-banjir-di-kelurahan-bansir-darat" */
export function slugify(title: string, max = 80): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > max ? slug.slice(0, max).replace(/-[^-]*$/, '') : slug;
  return cut || 'berita';
}

/** The first of `base`, `base-2`, `base-3`… that `taken` does not contain. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
