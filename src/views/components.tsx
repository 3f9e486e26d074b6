import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.js';
import type { FormState } from './context.js';

/** GOV.UK's error summary: focusable, at the top, linking to each field, worded like the field's message. */
export function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    // Focused on load, so keyboard and screen-reader users start at the list of problems (no script needed).
    <div class="error-summary" role="alert" aria-labelledby="ringkasan-masalah" tabIndex={-1} autoFocus>
      <h2 class="error-summary__title" id="ringkasan-masalah">
        {t.common.errorSummaryTitle}
      </h2>
      <ul class="error-summary__list">
        {entries.map(([field, message]) => (
          <li key={field}>{field === '_' ? message : <a href={`#${fieldId(field)}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

interface FieldProps {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  optional?: boolean;
}

function FieldShell({
  name,
  label,
  form,
  hint,
  optional,
  children,
}: FieldProps & { children: ComponentChildren }) {
  const id = fieldId(name);
  const error = form.errors[name];
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id} id={`${id}-label`}>
        {label}
        {optional ? <span class="field__optional"> {t.common.optional}</span> : null}
      </label>
      {hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

/** A field's message, named for screen readers, linked from the input's aria-describedby as `{id}-error`. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="field__error" id={`${id}-error`}>
      <span class="visually-hidden">Kesalahan: </span>
      {error}
    </p>
  ) : null;
}

function describedBy(name: string, form: FormState, hint?: string): string | undefined {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', form.errors[name] ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The few input attributes our forms use; a short list keeps every field accessible and consistent. */
interface InputAttrs {
  autocomplete?: string;
  spellcheck?: boolean;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'url' | 'search';
  maxLength?: number;
}

export function TextInput(
  props: FieldProps &
    InputAttrs & {
      type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'search' | 'date' | 'datetime-local';
    },
) {
  const { name, label, form, hint, optional, type = 'text', ...rest } = props;
  return (
    <FieldShell name={name} label={label} form={form} hint={hint} optional={optional}>
      <input
        class="input"
        id={fieldId(name)}
        name={name}
        // preact types `type` as a discriminated union per role; any of ours is a plain text-like input
        type={type as 'text'}
        value={type === 'password' ? '' : (form.values[name] ?? '')}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, form, hint)}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number; editor?: boolean }) {
  const { name, label, form, hint, optional, rows = 4, maxLength, editor } = props;
  return (
    <FieldShell name={name} label={label} form={form} hint={hint} optional={optional}>
      <textarea
        class="textarea"
        id={fieldId(name)}
        name={name}
        rows={rows}
        maxLength={maxLength}
        data-editor={editor ? 'html' : undefined}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, form, hint)}
      >
        {form.values[name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function Select(
  props: FieldProps & { options: readonly { value: string; label: string }[]; placeholder?: string },
) {
  const { name, label, form, hint, optional, options, placeholder } = props;
  const selected = form.values[name] ?? '';
  return (
    <FieldShell name={name} label={label} form={form} hint={hint} optional={optional}>
      <select
        class="select"
        id={fieldId(name)}
        name={name}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, form, hint)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A POST form with its CSRF token; every state-changing form goes through this. */
export function Form({
  action,
  csrfToken,
  children,
  class: className,
}: {
  action: string;
  csrfToken: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <form method="post" action={action} class={className ?? 'stack'} noValidate>
      <CsrfField token={csrfToken} />
      {children}
    </form>
  );
}

export function Button({
  children,
  variant = 'primary',
  type = 'submit',
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'danger';
  type?: 'submit' | 'button';
}) {
  return (
    <button class={variant === 'primary' ? 'button' : `button button--${variant}`} type={type}>
      {children}
    </button>
  );
}

export function Notice({
  kind = 'info',
  children,
}: {
  kind?: 'info' | 'success' | 'warning';
  children: ComponentChildren;
}) {
  return <div class={`notice notice--${kind}`}>{children}</div>;
}

export function Tag({ children }: { children: ComponentChildren }) {
  return <span class="tag">{children}</span>;
}

/** A list of label/value pairs (contact details, properties). Empty values are left out. */
export function Details({ items }: { items: { label: string; value: ComponentChildren }[] }) {
  const shown = items.filter((i) => i.value !== '' && i.value !== null && i.value !== undefined);
  if (shown.length === 0) return null;
  return (
    <dl class="details">
      {shown.map((i) => (
        <div key={i.label} class="details__row">
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Previous/next and a page count; works without JavaScript. `href(n)` builds the link to page n. */
export function Pager({
  page,
  total,
  perPage,
  href,
}: {
  page: number;
  total: number;
  perPage: number;
  href: (n: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Halaman">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ‹ Sebelumnya
        </a>
      ) : null}
      <span>
        Halaman {page} dari {pages}
      </span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          Berikutnya ›
        </a>
      ) : null}
    </nav>
  );
}
