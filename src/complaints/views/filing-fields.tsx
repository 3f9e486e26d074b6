import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/index.js';
import { fieldId, FieldError } from '../../views/components.js';
import type { FormState } from '../../views/context.js';

/*
 * The complaint form's fields that src/views/components.tsx has no shape for (radios, checkboxes
 * with an explanation, a select with groups, files), marked up like its fields so the error
 * summary's links and the field messages work the same way.
 */

const describedBy = (name: string, form: FormState, hint: boolean) =>
  [hint ? `${fieldId(name)}-hint` : '', form.errors[name] ? `${fieldId(name)}-error` : '']
    .filter(Boolean)
    .join(' ') || undefined;

const fieldClass = (name: string, form: FormState) => (form.errors[name] ? 'field field--error' : 'field');

/** A choice of one; the summary links to the first option. */
export function RadioGroup({
  name,
  legend,
  form,
  options,
}: {
  name: string;
  legend: string;
  form: FormState;
  options: readonly { value: string; label: string; hint?: string }[];
}) {
  const selected = form.values[name] ?? '';
  return (
    <fieldset class={fieldClass(name, form)} aria-describedby={describedBy(name, form, false)}>
      <legend class="field__label">{legend}</legend>
      <FieldError id={fieldId(name)} error={form.errors[name]} />
      {options.map((o, i) => {
        const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${o.value}`;
        return (
          <div class="checkbox" key={o.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={o.value === selected}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
            />
            <label for={id}>
              {o.label}
              {o.hint ? (
                <span class="field__hint aduan-option-hint" id={`${id}-hint`}>
                  {o.hint}
                </span>
              ) : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** One checkbox with its explanation right under the label, where a person reads it before ticking. */
export function Checkbox({
  name,
  label,
  hint,
  form,
}: {
  name: string;
  label: string;
  hint?: ComponentChildren;
  form: FormState;
}) {
  const id = fieldId(name);
  const on = Boolean(form.values[name]) && form.values[name] !== 'false';
  return (
    <div class={fieldClass(name, form)}>
      <FieldError id={fieldId(name)} error={form.errors[name]} />
      <div class="checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          value="1"
          checked={on}
          aria-invalid={form.errors[name] ? 'true' : undefined}
          aria-describedby={describedBy(name, form, Boolean(hint))}
        />
        <label for={id}>
          <strong>{label}</strong>
          {hint ? (
            <span class="field__hint aduan-option-hint" id={`${id}-hint`}>
              {hint}
            </span>
          ) : null}
        </label>
      </div>
    </div>
  );
}

export interface OptionGroup {
  label: string;
  options: readonly { value: string; label: string }[];
}

/** A select whose options are grouped (kelurahan by kecamatan): one control, no script needed. */
export function GroupedSelect({
  name,
  label,
  hint,
  form,
  groups,
  placeholder,
  optional,
}: {
  name: string;
  label: string;
  hint?: string;
  form: FormState;
  groups: readonly OptionGroup[];
  placeholder: string;
  optional?: boolean;
}) {
  const id = fieldId(name);
  const selected = form.values[name] ?? '';
  return (
    <div class={fieldClass(name, form)}>
      <label class="field__label" for={id}>
        {label}
        {optional ? <span class="field__optional"> {t.common.optional}</span> : null}
      </label>
      {hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={fieldId(name)} error={form.errors[name]} />
      <select
        class="select"
        id={id}
        name={name}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, form, Boolean(hint))}
      >
        <option value="">{placeholder}</option>
        {groups.map((g) => (
          <optgroup label={g.label} key={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value} selected={o.value === selected}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** The files input. Files cannot be kept across a failed submit, so the hint says to choose them again. */
export function FilesField({
  name,
  label,
  hint,
  form,
  accept,
  chooseAgain,
}: {
  name: string;
  label: string;
  hint: ComponentChildren;
  form: FormState;
  accept: string;
  chooseAgain: boolean;
}) {
  const id = fieldId(name);
  return (
    <div class={fieldClass(name, form)}>
      <label class="field__label" for={id}>
        {label} <span class="field__optional">{t.common.optional}</span>
      </label>
      <div class="field__hint" id={`${id}-hint`}>
        {hint}
      </div>
      <FieldError id={fieldId(name)} error={form.errors[name]} />
      {chooseAgain ? (
        <p class="notice notice--warning aduan-files-again">
          Berkas yang tadi dipilih belum terkirim. Pilih lagi foto atau PDF Anda sebelum mengirim.
        </p>
      ) : null}
      <input
        class="input"
        id={id}
        name={name}
        type="file"
        accept={accept}
        multiple
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, form, true)}
      />
    </div>
  );
}
