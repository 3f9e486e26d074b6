import QRCode from 'qrcode';

/** Light modules around the code, as the QR standard asks, so phones find its edges. */
const QUIET_ZONE = 4;

/**
 * A QR code drawn as SVG on the server: one path of dark modules, no script, no image request, and
 * sharp at any print size. Error correction M survives a smudged or creased poster.
 */
export function QrCode({ text, title, class: className }: { text: string; title: string; class?: string }) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (modules.get(y, x)) d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
  const full = size + QUIET_ZONE * 2;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${full} ${full}`}
      class={className}
      role="img"
      aria-label={title}
      shape-rendering="crispEdges"
    >
      <rect width={full} height={full} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
