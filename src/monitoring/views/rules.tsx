import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { labels } from '../messages.js';
import { DEFAULT_RULES, RULE_FIELDS, type RuleKey } from '../rules.js';

const GROUPS: { legend: string; keys: RuleKey[] }[] = [
  {
    legend: 'Batas',
    keys: [
      'maxDaysWithoutPost',
      'minActiveAdmins',
      'activeWithinDays',
      'minStandardsPercent',
      'minOnTimePercent',
    ],
  },
  { legend: 'Bobot skor', keys: ['weightPosts', 'weightAdmins', 'weightStandards', 'weightComplaints'] },
  { legend: 'Zona', keys: ['greenFrom', 'yellowFrom'] },
];

function hint(key: RuleKey): string {
  const { min, max, unit } = RULE_FIELDS[key];
  return `Bilangan bulat ${min}–${max}${unit ? ` ${unit}` : ''}. Bawaan: ${DEFAULT_RULES[key]}.`;
}

export function RulesPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <Layout
      ctx={ctx}
      title={labels.rulesTitle}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: '/admin/monitoring', label: labels.title },
      ]}
    >
      <h1>{labels.rulesTitle}</h1>
      <p>
        Tiap OPD mendapat skor 0–100 dari empat aturan: berita, admin aktif, standar pelayanan dan aduan.
        Bobot menentukan seberapa besar tiap aturan menyumbang skor; skor menentukan zona hijau, kuning atau
        merah.
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action="/admin/monitoring/aturan" csrfToken={ctx.csrfToken}>
        {GROUPS.map((g) => (
          <fieldset class="field" key={g.legend}>
            <legend class="field__label">{g.legend}</legend>
            {g.keys.map((key) => (
              <TextInput
                key={key}
                name={key}
                label={RULE_FIELDS[key].label}
                hint={hint(key)}
                form={form}
                inputMode="numeric"
                maxLength={4}
              />
            ))}
          </fieldset>
        ))}
        <Button>{t.common.save}</Button>
      </Form>
    </Layout>
  );
}
