import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { photoJpeg } from './media.fixtures.js';
import { analyse, BLUR_THRESHOLD, DARK_THRESHOLD, warningsFor } from './quality.js';

describe('analyse: the calibration behind the blur and darkness warnings', () => {
  it('measures focus falling steadily with blur, and places the threshold between crisp and soft', async (t) => {
    const photo = await photoJpeg();
    const measured: [number, number][] = [];
    for (const sigma of [0, 1, 2, 3, 5, 8]) {
      // Materialised first: within one sharp pipeline the blur would run after analyse's resize.
      const blurred = sigma ? await sharp(photo).blur(sigma).png().toBuffer() : photo;
      measured.push([sigma, (await analyse(sharp(blurred))).sharpness]);
    }
    t.diagnostic(measured.map(([s, v]) => `sigma ${s}: ${v.toFixed(0)}`).join(', '));
    for (let i = 1; i < measured.length; i++) {
      assert.ok(
        measured[i]![1] < measured[i - 1]![1],
        `sigma ${measured[i]![0]} measures less than the one before`,
      );
    }
    const at = (sigma: number) => measured.find(([s]) => s === sigma)![1];
    assert.ok(at(0) > BLUR_THRESHOLD * 4, 'a crisp photo is far above the threshold');
    assert.ok(at(2) > BLUR_THRESHOLD, 'a slight softness is not called blurred');
    assert.ok(at(5) < BLUR_THRESHOLD, 'a clearly blurred photo is');
  });

  it('judges focus apart from brightness: a dim but crisp photo is not "blurred"', async () => {
    const photo = await photoJpeg();
    const dim = await analyse(sharp(await sharp(photo).linear(0.18, 0).png().toBuffer()));
    assert.ok(dim.sharpness > BLUR_THRESHOLD, `sharpness ${dim.sharpness}`);
    assert.ok(dim.meanLuminance < DARK_THRESHOLD, `luminance ${dim.meanLuminance}`);
  });

  it('gives a flat frame no focus at all instead of amplifying its noise', async () => {
    const grey = sharp({ create: { width: 800, height: 600, channels: 3, background: '#777777' } });
    const stats = await analyse(grey);
    assert.equal(stats.sharpness, 0);
    assert.ok(Math.abs(stats.meanLuminance - 0x77) < 1);
  });
});

describe('warningsFor', () => {
  it('names each problem by its code', () => {
    assert.deepEqual(warningsFor(1600, { meanLuminance: 120, sharpness: 500 }), []);
    assert.deepEqual(warningsFor(1199, { meanLuminance: 120, sharpness: 500 }), ['too_small_for_cover']);
    assert.deepEqual(warningsFor(1200, { meanLuminance: 20, sharpness: 5 }), ['blurred', 'too_dark']);
  });
});
