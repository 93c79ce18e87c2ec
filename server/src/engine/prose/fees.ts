// Statements about the 信息处理费 (information processing fee) a 2021+ report must make in section 六.
import type { ReportModel, Span } from '../types';
import { proseSpans } from './scan';

export interface FeeMention {
  /** The fee word, e.g. 信息处理费. */
  span: Span;
  word: string;
  /** Whether the paragraph states a figure (0件, 0元) or that none was charged (未收取, 无). */
  reported: boolean;
}

const FEE_WORDS = ['信息处理费', '收费通知', '收取费用', '处理费', '收费', '费用'];
/** 1 for the code units a fee word begins with (a table: this is looked up for every character of the prose). */
const FEE_FIRST = new Uint8Array(65536);
for (const w of FEE_WORDS) FEE_FIRST[w.charCodeAt(0)] = 1;
const FIGURE = /[0-9０-９零]+(?:\.[0-9]+)?\s*(?:万元|元|件|笔)/;
const NONE = /未|无|没有|不存在|免|不收取|零/;
const WINDOW = 40;
/** Whether the fee is reported is settled by the first mentions; past this many the rest are not read. */
const MAX_MENTIONS = 200;

/** Fee words in text[spans], longest first at each position, with whether their surroundings report the fee. */
export function feeMentions(model: ReportModel, spans: Span[]): FeeMention[] {
  const text = model.text;
  const out: FeeMention[] = [];
  for (const span of spans) {
    for (let i = span.start; i < span.end && out.length < MAX_MENTIONS; i++) {
      if (FEE_FIRST[text.charCodeAt(i)] === 0) continue;
      // 信, 收 and 处 are common: most of them begin no fee word (a loop, not a closure per character).
      let word: string | undefined;
      for (const w of FEE_WORDS) if (text.charCodeAt(i + 1) === w.charCodeAt(1) && text.startsWith(w, i)) { word = w; break; }
      if (!word) continue;
      let from = Math.max(span.start, i - WINDOW);
      let to = Math.min(span.end, i + word.length + WINDOW);
      // Stay in the paragraph; bounded searches, so that a long line stays linear.
      for (let j = i - 1; j >= from; j--) if (text[j] === '\n' || text[j] === '\r') { from = j + 1; break; }
      for (let j = i; j < to; j++) if (text[j] === '\n' || text[j] === '\r') { to = j; break; }
      const around = text.slice(from, to);
      out.push({ span: { start: i, end: i + word.length }, word, reported: FIGURE.test(around) || NONE.test(around) });
      i += word.length - 1;
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
