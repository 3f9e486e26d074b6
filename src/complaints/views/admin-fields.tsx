import type { ComponentChildren } from 'preact';
import type { Agency } from '../../agencies/agencies.table.js';
import { fieldId, FieldError } from '../../views/components.js';
import type { StaffAction } from '../complaints.schemas.js';
import { fieldText as f } from './admin-messages.js';

/*
 * The fields of the action forms on the detail page. Several forms share field names (message,
 * internal_note), so each field's id carries its action (`f-hold-message`), keeping ids unique on
 * the page and the error summary's links pointing at the right form.
 */

export interface FieldContext {
  action: StaffAction;
  values: Record<string, string>;
  errors: Record<string, string>;
}

export function Shell(props: {
  fc: FieldContext;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  children: (attrs: { id: string; describedBy: string | undefined; invalid: boolean }) => ComponentChildren;
}) {
  const { fc, name } = props;
  const id = fieldId(`${fc.action}-${name}`);
  const error = fc.errors[name];
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {props.label}
        {props.optional ? <span class="field__optional"> (tidak wajib)</span> : null}
      </label>
      {props.hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      {props.children({ id, describedBy: describedBy || undefined, invalid: Boolean(error) })}
    </div>
  );
}

export function Area(props: {
  fc: FieldContext;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
}) {
  return (
    <Shell {...props}>
      {({ id, describedBy, invalid }) => (
        <textarea
          class="textarea"
          id={id}
          name={props.name}
          rows={4}
          maxLength={5000}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {props.fc.values[props.name] ?? ''}
        </textarea>
      )}
    </Shell>
  );
}

export function Line(props: { fc: FieldContext; name: string; label: string; hint?: string }) {
  return (
    <Shell {...props}>
      {({ id, describedBy, invalid }) => (
        <input
          class="input"
          id={id}
          name={props.name}
          type="text"
          maxLength={20}
          spellcheck={false}
          value={props.fc.values[props.name] ?? ''}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Shell>
  );
}

export function Choose(props: {
  fc: FieldContext;
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const selected = props.fc.values[props.name] ?? '';
  return (
    <Shell {...props}>
      {({ id, describedBy, invalid }) => (
        <select
          class="select"
          id={id}
          name={props.name}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          <option value="">{f.choose}</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === selected}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}

export function Check({ fc, name, label }: { fc: FieldContext; name: string; label: string }) {
  const id = fieldId(`${fc.action}-${name}`);
  return (
    <div class="checkbox">
      <input type="checkbox" id={id} name={name} value="ya" checked={fc.values[name] === 'ya'} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** Co-assignees as checkboxes in a fieldset: usable on a phone, unlike a multiple select. */
export function CoAgencies({
  fc,
  agencies,
  chosen,
}: {
  fc: FieldContext;
  agencies: Agency[];
  chosen: string[];
}) {
  const id = fieldId(`${fc.action}-co_agencies`);
  const error = fc.errors.co_agencies;
  return (
    <fieldset class={error ? 'field field--error' : 'field'} id={id}>
      <legend class="field__label">
        {f.coAgencies}
        <span class="field__optional"> (tidak wajib)</span>
      </legend>
      <p class="field__hint">{f.coAgenciesHint}</p>
      <FieldError id={id} error={error} />
      <details class="complaint-co">
        <summary>{chosen.length ? `${f.coAgencies}: ${chosen.length}` : f.choose}</summary>
        {agencies.map((g) => (
          <div class="checkbox" key={g.id}>
            <input
              type="checkbox"
              id={`${id}-${g.slug}`}
              name="co_agencies"
              value={g.slug}
              checked={chosen.includes(g.slug)}
            />
            <label for={`${id}-${g.slug}`}>{g.name}</label>
          </div>
        ))}
      </details>
    </fieldset>
  );
}
