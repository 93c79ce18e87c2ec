// Statements about the 信息处理费 (information processing fee) a 2021+ report must make in section 六.
import type { ReportModel, Span } from '../types';
import { isSoftBreak, isWrapped, proseSpans } from './scan';

export interface FeeMention {
  /** The fee word, e.g. 信息处理费. */
  span: Span;
  word: string;
  /** Whether the paragraph states a figure (0件, 0元) or that none was charged (未收取, 无). */
  reported: boolean;
}

const FEE_WORDS = ['信息处理费', '收费通知', '收取费用', '处理费', '收费', '费用'];
/** Every fee word holds one 费, at most this far from its start: the words are found from the 费s by string search. */
const FEE = '费';
const MAX_LEAD = Math.max(...FEE_WORDS.map((w) => w.indexOf(FEE)));
const FIGURE = /[0-9０-９零]+(?:\.[0-9]+)?\s*(?:万元|元|件|笔)/;
const NONE = /未|无|没有|不存在|免|不收取|零/;
const WINDOW = 40;
/** Whether the fee is reported is settled by the first mentions; past this many the rest are not read. */
const MAX_MENTIONS = 200;

/** The longest fee word at `at`. */
function feeWordAt(text: string, at: number): string | null {
  for (let k = 0; k < FEE_WORDS.length; k++) if (text.startsWith(FEE_WORDS[k], at)) return FEE_WORDS[k];
  return null;
}

/** Fee words in text[spans], longest first at each position, with whether their surroundings report the fee. */
export function feeMentions(model: ReportModel, spans: Span[]): FeeMention[] {
  const text = model.text;
  const out: FeeMention[] = [];
  // A paragraph ends at a line break, unless the text is wrapped at a width and the break only wraps a line.
  const endsParagraph = (j: number) => (text[j] === '\n' || text[j] === '\r') && !(isWrapped(model) && isSoftBreak(text, j));
  // Indexed loops: an iterator's protocol would make this function larger to compile.
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    // No fee word holds two 费: the next word is the one around the next 费, at the first start where one begins.
    let pos = span.start;
    while (out.length < MAX_MENTIONS) {
      const fee = text.indexOf(FEE, pos);
      if (fee < 0 || fee - MAX_LEAD >= span.end) break;
      let i = Math.max(pos, fee - MAX_LEAD);
      let word: string | null = null;
      for (const last = Math.min(fee, span.end - 1); i <= last; i++) {
        word = feeWordAt(text, i);
        if (word) break;
      }
      if (!word) { pos = fee + 1; continue; }
      let from = Math.max(span.start, i - WINDOW);
      let to = Math.min(span.end, i + word.length + WINDOW);
      // Stay in the paragraph; bounded searches, so that a long line stays linear.
      for (let j = i - 1; j >= from; j--) if (endsParagraph(j)) { from = j + 1; break; }
      for (let j = i; j < to; j++) if (endsParagraph(j)) { to = j; break; }
      const around = text.slice(from, to);
      out.push({ span: { start: i, end: i + word.length }, word, reported: FIGURE.test(around) || NONE.test(around) });
      pos = i + word.length;
    }
  }
  return out;
}

/** Fee mentions in section 六 and in the rest of the prose. */
export function feeReport(model: ReportModel): { sectionSix: FeeMention[] | null; elsewhere: FeeMention[] } {
  const six = model.sections.find((s) => s.id === 6) ?? null;
  const all = proseSpans(model);
  if (!six) return { sectionSix: null, elsewhere: feeMentions(model, all) };
  const body = { start: six.heading.span.end, end: six.span.end };
  const inSix = proseSpans(model, body.start, body.end);
  const outside = all.flatMap((s) => [
    { start: s.start, end: Math.min(s.end, six.span.start) },
    { start: Math.max(s.start, six.span.end), end: s.end },
  ]).filter((s) => s.end > s.start);
  return { sectionSix: feeMentions(model, inSix), elsewhere: feeMentions(model, outside) };
}
