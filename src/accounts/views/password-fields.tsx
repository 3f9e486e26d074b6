import { t } from '../../i18n/index.js';
import { TextInput } from '../../views/components.js';
import type { FormState } from '../../views/context.js';

/** A new password and its confirmation (`{name}_confirmation`), as browsers' password managers expect. */
export function NewPasswordFields({ form, name }: { form: FormState; name: string }) {
  return (
    <>
      <TextInput
        name={name}
        label={t.accounts.newPassword}
        hint={t.accounts.newPasswordHint}
        form={form}
        type="password"
        autocomplete="new-password"
      />
      <TextInput
        name={`${name}_confirmation`}
        label={t.accounts.confirmPassword}
        form={form}
        type="password"
        autocomplete="new-password"
      />
    </>
  );
}
