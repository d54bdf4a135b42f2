import {
  type ActionPlan,
  actionPlanStageLabelsSv,
  type Measure,
  measureCategoryLabelsSv,
  measureStatusLabelsSv,
} from '@varn/domain';
import { Document, Packer } from 'docx';
import PDFDocument from 'pdfkit';
import { useFastMetrics } from './pdf-font-metrics.ts';

const stockholmDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

const kronor = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 });

/** One line of facts under a measure's title: who, where, when, how it stands, what it costs. */
function factsOf(measure: Measure): string {
  const facts = [
    `Status: ${measureStatusLabelsSv[measure.status]}`,
    `Klart senast: ${measure.dueOn}`,
    measure.owner ? `Ansvarig: ${measure.owner.name}` : null,
    measure.orgUnitName ? `Enhet: ${measure.orgUnitName}` : null,
    measure.estimatedCostOre !== null ? `Beräknad kostnad: ${kronor.format(measure.estimatedCostOre / 100)}` : null,
    measure.actualCostOre !== null ? `Faktisk kostnad: ${kronor.format(measure.actualCostOre / 100)}` : null,
    measure.isOverdue ? 'Försenad' : null,
  ];
  return facts.filter((fact) => fact !== null).join(' · ');
}

function summaryOf(plan: ActionPlan): string {
  return `Genomförda: ${plan.counts.done} · Pågående: ${plan.counts.under_way} · Planerade: ${plan.counts.planned}`;
}

function generatedLine(plan: ActionPlan): string {
  return `Sammanställd ${stockholmDateTime.format(new Date(plan.generatedAt))} ur Värn`;
}

const measureTitleStyle = 'MeasureTitle';
const measureFactsStyle = 'MeasureFacts';

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Texts are validated without control characters (text.ts), so escaping the markup is enough.
const xmlText = (text: string) => text.replace(/[&<>"]/g, (character) => xmlEntities[character] as string);

/** One paragraph of WordprocessingML in a named style (the styles are docx's and ours below). */
function paragraphXml(text: string, style?: string): string {
  const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;
}

/** The body: headings per category and stage, one block per measure. */
function actionPlanBodyXml(plan: ActionPlan): string {
  const parts = [paragraphXml(plan.title, 'Title'), paragraphXml(generatedLine(plan)), paragraphXml(summaryOf(plan))];
  if (plan.categories.length === 0) parts.push(paragraphXml('Inga åtgärder.'));
  for (const category of plan.categories) {
    parts.push(paragraphXml(measureCategoryLabelsSv[category.category], 'Heading1'));
    for (const stage of category.stages) {
      parts.push(paragraphXml(actionPlanStageLabelsSv[stage.stage], 'Heading2'));
      for (const measure of stage.measures) {
        parts.push(paragraphXml(measure.title, measureTitleStyle), paragraphXml(factsOf(measure), measureFactsStyle));
        if (measure.description) parts.push(paragraphXml(measure.description));
        if (measure.statusReason) parts.push(paragraphXml(`Skäl: ${measure.statusReason}`));
        if (measure.completionNote) parts.push(paragraphXml(`Genomfört: ${measure.completionNote}`));
      }
    }
  }
  // A4 with docx's default margins, as the page docx itself would set.
  const section =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>' +
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>' +
    '</w:sectPr>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${parts.join('')}${section}</w:body></w:document>`
  );
}

/**
 * The action plan as a Word document. docx makes the package (styles, properties, content types);
 * the body is written as WordprocessingML here and handed to docx as the document part, because
 * building thousands of paragraphs as docx objects took most of a second for an administration's
 * plan (target < 1 s; docs/performance.md). The styles are docx's defaults (Title, Heading1/2) and
 * the measure's two below.
 */
export async function actionPlanToWord(plan: ActionPlan): Promise<Buffer> {
  const document = new Document({
    creator: 'Värn',
    title: plan.title,
    styles: {
      default: { document: { run: { font: 'Calibri', size: 22 } } },
      paragraphStyles: [
        {
          id: measureTitleStyle,
          name: 'Åtgärd',
          basedOn: 'Normal',
          next: measureFactsStyle,
          run: { bold: true },
          paragraph: { spacing: { before: 120 }, keepNext: true },
        },
        { id: measureFactsStyle, name: 'Åtgärdens uppgifter', basedOn: 'Normal', run: { size: 18 } },
      ],
    },
    // The body is the document part below; docx's own default styles hold Title and Heading1/2.
    sections: [{ children: [] }],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/document.xml', data: actionPlanBodyXml(plan) }]);
}

/**
 * The action plan as a PDF (A4). pdfkit's built-in Helvetica covers Swedish letters (WinAnsi), so no
 * font file is embedded.
 */
export function actionPlanToPdf(plan: ActionPlan): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: plan.title, Creator: 'Värn' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  // Both fonts the plan uses get the faster metrics once; pdfkit keeps the font objects per document.
  useFastMetrics(pdf.font('Helvetica'));
  useFastMetrics(pdf.font('Helvetica-Bold'));
  pdf.font('Helvetica-Bold').fontSize(20).text(plan.title);
  pdf.font('Helvetica').fontSize(10).text(generatedLine(plan)).text(summaryOf(plan)).moveDown();
  if (plan.categories.length === 0) pdf.fontSize(11).text('Inga åtgärder.');
  for (const category of plan.categories) {
    pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(15).text(measureCategoryLabelsSv[category.category]);
    for (const stage of category.stages) {
      pdf.moveDown(0.3).font('Helvetica-Bold').fontSize(12).text(actionPlanStageLabelsSv[stage.stage]);
      for (const measure of stage.measures) {
        pdf.moveDown(0.3).font('Helvetica-Bold').fontSize(10.5).text(measure.title);
        pdf.font('Helvetica').fontSize(9).text(factsOf(measure));
        if (measure.description) pdf.fontSize(10).text(measure.description);
        if (measure.statusReason) pdf.fontSize(10).text(`Skäl: ${measure.statusReason}`);
        if (measure.completionNote) pdf.fontSize(10).text(`Genomfört: ${measure.completionNote}`);
      }
    }
  }
  pdf.end();
  return done;
}
