// Renders the PNG app icons from the SVG sources with the Chromium used by the browser tests:
// node web/scripts/render-icons.ts
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const iconsDirectory = new URL('../public/icons/', import.meta.url);
const outputs = [
  { source: 'icon.svg', target: 'icon-192.png', size: 192 },
  { source: 'icon.svg', target: 'icon-512.png', size: 512 },
  { source: 'icon-maskable.svg', target: 'icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const { source, target, size } of outputs) {
    const svg = await readFile(new URL(source, iconsDirectory), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.screenshot({ path: new URL(target, iconsDirectory).pathname, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
