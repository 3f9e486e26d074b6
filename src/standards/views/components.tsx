import { formatDate } from '../../time/format.js';
import { COMPONENT_LABELS, m, rupiah, UNIT_LABELS } from '../messages.js';
import { COMPONENT_FIELDS, isComponentFilled, type ComponentKey } from '../standards.completeness.js';
import type { ServiceComponents, Timeframe } from '../standards.components.js';

/** A YYYY-MM-DD date in Indonesian: "Senin, 5 Januari 2026". */
export const formatDay = (date: string): string => formatDate(`${date}T12:00:00Z`, 'UTC');

export const timeframeText = (t: Timeframe): string => `${t.value} ${UNIT_LABELS[t.unit]}`;

/** Text as typed: a paragraph per line. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </>
  );
}

/** One component's value as the public reads it; "Belum diisi." when empty. */
export function ComponentValue({ components, name }: { components: ServiceComponents; name: ComponentKey }) {
  if (!isComponentFilled(components, name)) return <p class="muted">{m.notFilled}</p>;
  const value = components[COMPONENT_FIELDS[name]];
  if (name === 'procedure' && Array.isArray(value))
    return (
      <ol>
        {value.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    );
  if (Array.isArray(value))
    return (
      <ul>
        {value.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    );
  if (typeof value === 'string') return <Paragraphs text={value} />;
  if (value && 'unit' in value) return <p>{timeframeText(value)}</p>;
  if (value && !value.free)
    return (
      <ul>
        {value.items.map((item, i) => (
          <li key={i}>
            {item.name}: <strong>{rupiah(item.amount)}</strong>
            {item.legalBasis ? ` (${item.legalBasis})` : ''}
          </li>
        ))}
      </ul>
    );
  return (
    <p>
      <strong>{m.free}</strong>
    </p>
  );
}

/** A heading and the component's value, in a section a reader can jump to. */
export function ComponentSection({
  components,
  name,
}: {
  components: ServiceComponents;
  name: ComponentKey;
}) {
  const id = `komponen-${name.replace(/_/g, '-')}`;
  return (
    <section class="standards-component" aria-labelledby={id}>
      <h2 id={id}>{COMPONENT_LABELS[name]}</h2>
      <ComponentValue components={components} name={name} />
    </section>
  );
}
