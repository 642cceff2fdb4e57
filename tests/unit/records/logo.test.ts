import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, newVault, openBackend, removeDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const logoPng = () => readFile(join(__dirname, '../../fixtures/logo.png'));

describe('the provider’s logo', () => {
  it('is kept encrypted in the vault, survives a restart and a settings save, and prints in PDF headers', async () => {
    const v = await newVault();
    dirs.push(v.dir, `${v.dir}-exports`);
    const png = await logoPng();
    const saved = await v.call('settings:setLogo', { logo: { mime: 'image/png', base64: png.toString('base64') } });
    expect(saved.providerLogo).toMatchObject({ mime: 'image/png', bytes: png.length });
    // Saving the settings form (which knows nothing of the logo's blob) keeps the logo.
    await v.call('settings:save', { ...saved, providerName: 'Brightpath Mentoring', providerLogo: null });
    // The vault holds no file with the image's bytes in the clear.
    const files = execFileSync('find', [v.dir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n');
    for (const file of files) expect((await readFile(file)).includes(png.subarray(16, 48))).toBe(false);

    const again = await openBackend(v.dir);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    expect(await again.call('settings:getLogo', {})).toEqual({ mime: 'image/png', base64: png.toString('base64') });
    const student = await again.call('students:create', { fullName: 'Zoë Adams' });
    await again.call('boundaries:saveChecklist', { studentId: student.id, confirmed: [true, true, true, true, true, true] });
    const { path } = await again.call('boundaries:exportPdf', { studentId: student.id, includeConfidential: false });
    const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
    expect(images).toMatch(/\b48\s+16\b/);
  });

  it('refuses a file that is not a PNG or JPEG, or is too big, with a reason; null removes it', async () => {
    const v = await newVault();
    dirs.push(v.dir);
    const fake = await v.fails('settings:setLogo', { logo: { mime: 'image/png', base64: Buffer.from('GIF89a not a png').toString('base64') } });
    expect(fake.message).toMatch(/not a PNG image/);
    const damaged = Buffer.concat([(await logoPng()).subarray(0, 20)]);
    expect((await v.fails('settings:setLogo', { logo: { mime: 'image/png', base64: damaged.toString('base64') } })).message).toMatch(/could not be read/);
    const huge = Buffer.alloc(600 * 1024);
    expect((await v.fails('settings:setLogo', { logo: { mime: 'image/jpeg', base64: huge.toString('base64') } })).message).toMatch(/at most 512 KB/);
    await v.call('settings:setLogo', { logo: { mime: 'image/png', base64: (await logoPng()).toString('base64') } });
    expect((await v.call('settings:setLogo', { logo: null })).providerLogo).toBeNull();
    expect(await v.call('settings:getLogo', {})).toBeNull();
  });
});
