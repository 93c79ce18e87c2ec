import { defineRule } from './rule';

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export default defineRule({
  code: 'control-character',
  defaultSeverity: 'information',
  description: { zh: '文本中有控制字符（如 NUL），多为复制或转换时带入，应删除', en: 'A control character (such as NUL) in the text, usually left by a copy or a conversion' },
  fix: { zh: '只有一处时删除该字符（非首选）', en: 'Where there is only one, delete it (offered, not preferred)' },
  rationale: {
    zh: '控制字符在网页和文档中不可见，却会打断搜索、复制和机器读取',
    en: 'Control characters are invisible on the page but break search, copying and machine reading',
  },
  examples: {
    valid: [{ in: { section: 1 }, snippet: '一、总体情况\n本机关认真做好政府信息公开工作。' }],
    invalid: [{
      in: { section: 1 },
      snippet: '一、总体情况\n本机关认真做好\u0000政府信息公开工作。',
      marked: '一、总体情况\n本机关认真做好⟦\u0000⟧政府信息公开工作。',
      fixed: '一、总体情况\n本机关认真做好政府信息公开工作。',
    }],
  },
  check({ model, report }) {
    // Found by the parser, with the lines (C0 other than tab, form feed and line breaks, and DEL).
    const { first, count } = model.controlCharacters;
    if (count === 0) return;
    const character = model.text[first];
    // One finding for the file: the first place, and how many there are.
    report({
      span: { start: first, end: first + 1 },
      message: {
        zh: `文本中有控制字符 ${codePoint(character)}${count > 1 ? `（共 ${count} 处）` : ''}，多为复制或转换时带入，建议删除`,
        en: `Control character ${codePoint(character)} in the text${count > 1 ? ` (${count} in all)` : ''}, usually left by a copy or a conversion; delete it`,
      },
      fixes: count === 1 ? [{ title: { zh: '删除该控制字符', en: 'Delete the control character' }, edits: [{ span: { start: first, end: first + 1 }, newText: '' }], preferred: false }] : [],
    });
  },
});
