import type { MapConfig } from '../../config.js';
import { t } from '../../i18n/index.js';
import { asset } from '../../views/assets.js';
import { TextInput } from '../../views/components.js';
import type { FormState } from '../../views/context.js';

/** How close the map opens on the city: the whole city on a phone's screen. */
const CITY_ZOOM = 13;

/**
 * The optional map pin, folded away: the two coordinate fields are the pin, so without JavaScript a
 * person can type them or skip them. public/js/complaint-map.js fetches Leaflet and the tiles only
 * when the fold is opened, shows the map, and keeps it and the fields in step. Its settings travel in
 * data attributes, since the CSP allows no inline script.
 */
export function PinField({ form, map }: { form: FormState; map: MapConfig }) {
  const open = Boolean(form.values.lat || form.values.lng || form.errors.lat || form.errors.lng);
  return (
    <details class="aduan-pin" open={open}>
      <summary>
        Titik di peta <span class="field__optional">{t.common.optional}</span>
      </summary>
      <div class="aduan-pin__body">
        <p class="field__hint">
          Bila Anda tahu koordinat tempat kejadian, misalnya dari aplikasi peta di ponsel, isi garis lintang
          dan garis bujurnya. Boleh dilewati: kelurahan dan alamat sudah cukup.
        </p>
        <p class="field__hint aduan-pin__map-hint" id="f-pin-map-hint" hidden>
          Ketuk peta di tempat kejadian; ketuk lagi atau geser penandanya untuk memindahkan. Dengan papan
          ketik, geser peta dengan tombol panah, lalu pilih “Tandai tengah peta”.
        </p>
        <div
          class="aduan-map"
          id="f-pin-map"
          role="group"
          aria-label="Peta tempat kejadian"
          aria-describedby="f-pin-map-hint"
          hidden
          data-tiles={map.tiles}
          data-attribution={map.attribution}
          data-attribution-url={map.attributionUrl}
          data-center={`${map.center.lat},${map.center.lng}`}
          data-zoom={String(CITY_ZOOM)}
          data-leaflet-js={asset('vendor/leaflet/leaflet.js')}
          data-leaflet-css={asset('vendor/leaflet/leaflet.css')}
          data-icon={asset('vendor/leaflet/images/marker-icon.png')}
          data-icon-2x={asset('vendor/leaflet/images/marker-icon-2x.png')}
          data-shadow={asset('vendor/leaflet/images/marker-shadow.png')}
        />
        <div class="button-row aduan-pin__actions" hidden>
          <button type="button" class="button button--secondary" data-pin="centre">
            Tandai tengah peta
          </button>
          <button type="button" class="button button--secondary" data-pin="clear">
            Hapus titik
          </button>
        </div>
        <p class="aduan-pin__status" role="status" aria-live="polite" />
        <div class="aduan-pin__fields">
          <TextInput
            name="lat"
            label="Garis lintang"
            optional
            form={form}
            hint={`Misalnya ${map.center.lat} (negatif di selatan khatulistiwa).`}
            autocomplete="off"
            spellcheck={false}
            maxLength={20}
          />
          <TextInput
            name="lng"
            label="Garis bujur"
            optional
            form={form}
            hint={`Misalnya ${map.center.lng}.`}
            autocomplete="off"
            spellcheck={false}
            maxLength={20}
          />
        </div>
      </div>
    </details>
  );
}
