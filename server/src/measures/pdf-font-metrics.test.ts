import assert from 'node:assert/strict';
import { test } from 'node:test';
import PDFDocument from 'pdfkit';
import { useFastMetrics } from './pdf-font-metrics.ts';

const samples = [
  'Handlingsplan – Arbetsmarknadsförvaltningen',
  'AVANT Wa Yo Te LTA “citat” «guillemets» ÅÄÖ åäö é ü ß € œ Ž … — 12 500 kr',
  'Beslutad efter säkerhetsvandringen; omfattar personalingång, reception och mötesrum. '.repeat(4),
];

/** The same text in both fonts, wrapped over the page, with or without the faster metrics. */
function render(fast: boolean): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  if (fast) {
    useFastMetrics(pdf.font('Helvetica'));
    useFastMetrics(pdf.font('Helvetica-Bold'));
  }
  for (let round = 0; round < 30; round += 1) {
    for (const [index, sample] of samples.entries()) {
      pdf
        .font(index % 2 === 0 ? 'Helvetica' : 'Helvetica-Bold')
        .fontSize(9 + round / 3)
        .text(sample);
    }
  }
  pdf.end();
  return done;
}

test('the faster metrics give pdfkit’s own widths, and the very same PDF', async () => {
  const pdf = new PDFDocument();
  const expected = samples.map((sample) => pdf.font('Helvetica-Bold').fontSize(11).widthOfString(sample));
  useFastMetrics(pdf.font('Helvetica-Bold'));
  assert.deepEqual(
    samples.map((sample) => pdf.fontSize(11).widthOfString(sample)),
    expected,
  );
  assert.ok((await render(true)).equals(await render(false)), 'the documents differ');
});
