import { fieldId, FieldError } from '../../views/components.js';
import type { FormState } from '../../views/context.js';
import { MAX_UPLOAD_BYTES } from '../limits.js';
import { mediaMessages as m } from '../messages.js';

/**
 * The photo chooser, marked up like the design system's fields (label, hint, error, described-by).
 * `accept` lists only JPEG, PNG and WebP: iPhones then convert a HEIC photo to JPEG as they send it,
 * and phones offer the camera alongside the gallery.
 */
export function FileField({ form }: { form: FormState }) {
  const id = fieldId('file');
  const error = form.errors.file;
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {m.fileLabel}
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        {m.fileHint}
      </p>
      <FieldError id={id} error={error} />
      <input
        class="input input--file"
        id={id}
        name="file"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        data-max-bytes={String(MAX_UPLOAD_BYTES)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
      />
    </div>
  );
}
