// References to articles of the 条例 in the text (第二十条第（五）项, 第十六条第二款) and their wording.
import type { Locale, Span } from '../engine';
import { parseChineseNumeral } from '../engine/normalize';
import { ARTICLES, REGULATION_TITLE, type Article } from '../engine/template/articles';

export interface ArticleRef {
  article: number;
  /** 款, 1-based. */
  paragraph?: number;
  /** 项, 1-based; several for 第三十六条第（四）（五）项. */
  items: number[];
  span: Span;
  text: string;
}

const NUM = '[一二三四五六七八九十]+';
const REF = new RegExp(`第(${NUM})条(?:第(${NUM})款)?(?:第((?:[（(]${NUM}[)）][、和及]?)+)项)?`, 'g');

/** A numeral the pattern above matched (一 to 九十九): always one the engine's reader takes. */
const numeral = (s: string): number => parseChineseNumeral(s) ?? 0;

export function parseRef(text: string, start = 0): ArticleRef | null {
  REF.lastIndex = 0;
  const m = REF.exec(text);
  return m && m.index === 0 ? toRef(m, start) : null;
}

function toRef(m: RegExpExecArray, offset: number): ArticleRef {
  const items = m[3] ? [...m[3].matchAll(new RegExp(NUM, 'g'))].map((x) => numeral(x[0])) : [];
  return {
    article: numeral(m[1]),
    paragraph: m[2] ? numeral(m[2]) : undefined,
    items,
    span: { start: offset + m.index, end: offset + m.index + m[0].length },
    text: m[0],
  };
}

/** The reference to the 条例 covering `offset` on its line, if any (references to other laws are skipped). */
export function refAt(text: string, lineStart: number, lineEnd: number, offset: number): ArticleRef | null {
  const line = text.slice(lineStart, lineEnd);
  for (const m of line.matchAll(REF)) {
    const start = lineStart + m.index;
    if (offset < start || offset > start + m[0].length) continue;
    if (citesOtherLaw(line.slice(0, m.index))) return null;
    return toRef(m as RegExpExecArray, lineStart);
  }
  return null;
}

/** 《中华人民共和国保守国家秘密法》第九条 is not an article of the 条例. */
function citesOtherLaw(before: string): boolean {
  const m = /《([^》]*)》\s*$/.exec(before);
  return !!m && !/信息公开条例|^条例$/.test(m[1]);
}

export function articleOf(n: number): Article | undefined { return ARTICLES.find((a) => a.number === n); }

const isItem = (p: string) => /^（[一二三四五六七八九十]+）/.test(p);

/** The paragraphs a reference points at: the whole article, one 款, or some 项 (with the lead-in). */
export function citedParagraphs(ref: ArticleRef): string[] | null {
  const a = articleOf(ref.article);
  if (!a) return null;
  if (ref.items.length) {
    const items = a.paragraphs.filter(isItem);
    const picked = ref.items.map((i) => items[i - 1]).filter((p): p is string => !!p);
    if (!picked.length) return null;
    const lead = a.paragraphs.slice(0, a.paragraphs.indexOf(picked[0])).reverse().find((p) => !isItem(p));
    return lead ? [lead, ...picked] : picked;
  }
  if (ref.paragraph) {
    const paragraphs = a.paragraphs.filter((p) => !isItem(p));
    const p = paragraphs[ref.paragraph - 1];
    return p ? [p] : null;
  }
  return a.paragraphs;
}

/** Markdown: the reference as a heading and the cited text as a quote. */
export function renderRef(ref: ArticleRef, locale: Locale): string | null {
  const paragraphs = citedParagraphs(ref);
  if (!paragraphs) return null;
  const a = articleOf(ref.article)!;
  const heading = locale === 'en'
    ? `**${REGULATION_TITLE} ${ref.text}** (Regulation on the Disclosure of Government Information, Art. ${ref.article}${ref.paragraph ? `, para. ${ref.paragraph}` : ''}${ref.items.length ? `, item ${ref.items.join(', ')}` : ''})`
    : `**${REGULATION_TITLE}${ref.text}**（${a.chapter}）`;
  return `${heading}\n\n${paragraphs.map((p) => `> ${p}`).join('\n>\n')}`;
}
