import {
  type ActionPlan,
  actionPlanStageLabelsSv,
  type Measure,
  measureCategoryLabelsSv,
  measureStatusLabelsSv,
} from '@varn/domain';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

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

/** The action plan as a Word document: headings per category and stage, one block per measure. */
export async function actionPlanToWord(plan: ActionPlan): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: plan.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: generatedLine(plan) }),
    new Paragraph({ text: summaryOf(plan) }),
  ];
  if (plan.categories.length === 0) children.push(new Paragraph({ text: 'Inga åtgärder.' }));
  for (const category of plan.categories) {
    children.push(new Paragraph({ text: measureCategoryLabelsSv[category.category], heading: HeadingLevel.HEADING_1 }));
    for (const stage of category.stages) {
      children.push(new Paragraph({ text: actionPlanStageLabelsSv[stage.stage], heading: HeadingLevel.HEADING_2 }));
      for (const measure of stage.measures) {
        children.push(
          new Paragraph({ children: [new TextRun({ text: measure.title, bold: true })], spacing: { before: 120 } }),
          new Paragraph({ children: [new TextRun({ text: factsOf(measure), size: 18 })] }),
        );
        if (measure.description) children.push(new Paragraph({ text: measure.description }));
        if (measure.statusReason) children.push(new Paragraph({ text: `Skäl: ${measure.statusReason}` }));
        if (measure.completionNote) children.push(new Paragraph({ text: `Genomfört: ${measure.completionNote}` }));
      }
    }
  }
  const document = new Document({
    creator: 'Värn',
    title: plan.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
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
