import type { ComponentChildren } from 'preact';
import { formatDate } from '../../time/format.js';
import { Button, CsrfField, Details, fieldId, TextArea, FieldError } from '../../views/components.js';
import type { FormState } from '../../views/context.js';
import { ATTACHMENT_FIELD, MAX_ATTACHMENTS } from '../complaints.attachments.js';
import type { CitizenAction } from '../complaints.schemas.js';
import type { OwnPart } from '../tracking.presenter.js';

/** Where every citizen form posts; the code and the access key travel as hidden fields. */
export const ACTION_PATH = '/aduan/lacak/tindakan';

/** What the citizen entered, shown back only to them (the access key is the permission). */
export function OwnData({ own, timeZone }: { own: OwnPart; timeZone: string }) {
  const privacy = [
    own.anonymous ? 'Anonim: nama Anda tidak ditampilkan kepada OPD dan publik.' : '',
    own.confidential ? 'Rahasia: laporan tidak ditampilkan kepada publik.' : '',
  ].filter(Boolean);
  return (
    <section aria-labelledby="data-anda">
      <h2 id="data-anda">Laporan Anda</h2>
      <p class="muted">Bagian ini hanya terlihat oleh Anda, lewat tautan pribadi.</p>
      <Details
        items={[
          { label: 'Isi laporan', value: <span class="tracking__text">{own.description}</span> },
          { label: 'Kelurahan', value: own.kelurahan ?? '' },
          { label: 'Alamat atau patokan', value: own.address },
          {
            label: 'Tanggal kejadian',
            value: own.occurredOn ? formatDate(`${own.occurredOn}T12:00:00Z`, timeZone) : '',
          },
          { label: 'Nama', value: own.reporter.name },
          { label: 'Email', value: own.reporter.email },
          { label: 'Nomor WhatsApp', value: own.reporter.phone },
          { label: 'NIK', value: own.reporter.nik },
          { label: 'Pilihan privasi', value: privacy.join(' ') },
        ]}
      />
      {own.files.length ? (
        <>
          <h3>Berkas</h3>
          <ul class="file-list">
            {own.files.map((f) => (
              <li key={f.href}>
                <a href={f.href}>{f.name}</a> ({f.kind === 'pdf' ? 'PDF' : 'foto'}
                {f.byCitizen ? ', dari Anda' : ', dari petugas'})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ActionForm({
  own,
  code,
  action,
  csrfToken,
  multipart,
  children,
}: {
  own: OwnPart;
  code: string;
  action: CitizenAction;
  csrfToken: string;
  multipart?: boolean;
  children: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={ACTION_PATH}
      class="stack"
      noValidate
      enctype={multipart ? 'multipart/form-data' : undefined}
    >
      <CsrfField token={csrfToken} />
      <input type="hidden" name="kode" value={code} />
      <input type="hidden" name="kunci" value={own.accessKey} />
      <input type="hidden" name="action" value={action} />
      {children}
    </form>
  );
}

/** 1–5 as radio buttons in a fieldset: keyboard and screen readers know it without a script. */
function StarsField({ form }: { form: FormState }) {
  const error = form.errors.stars;
  const id = fieldId('stars');
  return (
    <fieldset
      class={error ? 'field field--error' : 'field'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend class="field__label">Nilai untuk tanggapan ini</legend>
      <FieldError id={id} error={error} />
      <div class="rating">
        {[1, 2, 3, 4, 5].map((n) => (
          <div class="checkbox" key={n}>
            <input
              type="radio"
              name="stars"
              value={String(n)}
              id={n === 1 ? id : `${id}-${n}`}
              checked={form.values.stars === String(n)}
            />
            <label for={n === 1 ? id : `${id}-${n}`}>
              {n} {n === 1 ? '(buruk)' : n === 5 ? '(sangat baik)' : ''}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function FilesField({ form }: { form: FormState }) {
  const error = form.errors[ATTACHMENT_FIELD];
  const id = fieldId(ATTACHMENT_FIELD);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        Foto atau PDF <span class="field__optional">(tidak wajib)</span>
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        Paling banyak {MAX_ATTACHMENTS} berkas. Foto bisa menunjukkan siapa pengirimnya; data lokasi dan
        kamera di dalam foto kami hapus.
      </p>
      <FieldError id={id} error={error} />
      <input
        class="input input--file"
        type="file"
        id={id}
        name={ATTACHMENT_FIELD}
        multiple
        accept="image/jpeg,image/png,image/webp,application/pdf"
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

/** Only the steps the complaint allows now (readComplaint's `actions`). */
export function CitizenActions(props: { own: OwnPart; code: string; csrfToken: string; form: FormState }) {
  const { own, code, csrfToken, form } = props;
  const can = (a: CitizenAction) => own.actions.includes(a);
  const shared = { own, code, csrfToken };
  if (!own.actions.length) return null;
  return (
    <section aria-labelledby="tindakan-anda" class="tracking__actions">
      <h2 id="tindakan-anda">Tanggapi laporan Anda</h2>
      {can('accept') ? (
        <div class="card">
          <h3>Terima tanggapan</h3>
          <p>Bila masalahnya sudah selesai, terima tanggapan ini dan laporan akan ditutup.</p>
          <ActionForm {...shared} action="accept">
            <Button>Terima tanggapan dan tutup laporan</Button>
          </ActionForm>
        </div>
      ) : null}
      {can('reopen') ? (
        <div class="card">
          <h3>Buka kembali</h3>
          <ActionForm {...shared} action="reopen">
            <TextArea
              name="reason"
              label="Mengapa tanggapan ini belum menyelesaikan masalah?"
              form={form}
              maxLength={1000}
            />
            <Button variant="secondary">Buka kembali laporan</Button>
          </ActionForm>
        </div>
      ) : null}
      {can('rate') ? (
        <div class="card">
          <h3>Beri penilaian</h3>
          <ActionForm {...shared} action="rate">
            <StarsField form={form} />
            <TextArea name="comment" label="Komentar" optional form={form} maxLength={2000} />
            <Button>Kirim penilaian</Button>
          </ActionForm>
        </div>
      ) : null}
      {can('add_info') ? (
        <div class="card">
          <h3>Tambahkan informasi</h3>
          <ActionForm {...shared} action="add_info" multipart>
            <TextArea
              name="message"
              label="Informasi tambahan"
              hint="Misalnya lokasi yang lebih tepat, waktu kejadian, atau jawaban atas pertanyaan petugas."
              form={form}
              maxLength={5000}
            />
            <FilesField form={form} />
            <Button>Kirim informasi</Button>
          </ActionForm>
        </div>
      ) : null}
    </section>
  );
}
