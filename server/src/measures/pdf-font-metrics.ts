/** What pdfkit's standard (AFM) font offers inside; not in its typings. */
interface AfmFont {
  glyphWidths: Record<string, number>;
  kernPairs: Record<string, number>;
  characterToGlyph(code: number): string;
  encodeText(text: string): string[];
}
interface StandardFont {
  font?: AfmFont;
  encode(text: string): [string[], GlyphPosition[]];
  widthOfString(text: string, size: number): number;
}
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
type Glyph = { hex: string; name: string; width: number };

/**
 * pdfkit measures and encodes text in its built-in fonts glyph by glyph, looking every kerning pair
 * up by a new string key ("A\0V"): for an administration's action plan (~1,700 measures) that was
 * half of the rendering and most of its garbage. This gives the current font the same metrics
 * (widths, WinAnsi codes, kerning) from tables keyed by character code, filled as characters occur,
 * so the output is byte for byte the same (see action-plans' test). Only for pdfkit's standard
 * fonts; an embedded font is left as it is. Checked against pdfkit 0.20.
 */
export function useFastMetrics(pdf: PDFKit.PDFDocument): void {
  const font = (pdf as unknown as { _font?: StandardFont })._font;
  const afm = font?.font;
  if (!font || !afm || typeof afm.characterToGlyph !== 'function' || !afm.kernPairs) return;
  const glyphs = new Map<number, Glyph>();
  const kerning = new Map<number, number>();
  const glyphOf = (code: number): Glyph => {
    let glyph = glyphs.get(code);
    if (!glyph) {
      const name = afm.characterToGlyph(code);
      const hex = afm.encodeText(String.fromCharCode(code))[0] as string;
      glyph = { hex, name, width: afm.glyphWidths[name] || 0 };
      glyphs.set(code, glyph);
    }
    return glyph;
  };
  const kern = (left: number, right: number): number => {
    if (right < 0) return 0;
    const key = left * 65536 + right;
    let value = kerning.get(key);
    if (value === undefined) {
      value = afm.kernPairs[`${glyphOf(left).name}\0${glyphOf(right).name}`] || 0;
      kerning.set(key, value);
    }
    return value;
  };
  font.encode = (text: string) => {
    const string = `${text}`;
    const encoded: string[] = new Array(string.length);
    const positions: GlyphPosition[] = new Array(string.length);
    for (let index = 0; index < string.length; index += 1) {
      const code = string.charCodeAt(index);
      const glyph = glyphOf(code);
      const next = index + 1 < string.length ? string.charCodeAt(index + 1) : -1;
      encoded[index] = glyph.hex;
      positions[index] = {
        xAdvance: glyph.width + kern(code, next),
        yAdvance: 0,
        xOffset: 0,
        yOffset: 0,
        advanceWidth: glyph.width,
      };
    }
    return [encoded, positions];
  };
  font.widthOfString = (text: string, size: number) => {
    const string = `${text}`;
    let width = 0;
    for (let index = 0; index < string.length; index += 1) {
      const code = string.charCodeAt(index);
      width += glyphOf(code).width + kern(code, index + 1 < string.length ? string.charCodeAt(index + 1) : -1);
    }
    // The same rounding as pdfkit: scale first.
    const scale = size / 1000;
    return width * scale;
  };
}
