// A run of 一是/二是, （一）（二）, 1. 2. or 第一/第二 inside one block that skips or repeats a number.
import { enumerationFaults } from '../prose/enumeration';
import { defineRule } from './rule';

export default defineRule({
  code: 'enumeration',
  defaultSeverity: 'warning',
  description: {
    zh: '同一段落层级中的序号（一是/二是、（一）（二）、1. 2.、第一/第二）跳号或重复',
    en: 'A sequence of 一是/二是, （一）（二）, 1. 2. or 第一/第二 within one block skips or repeats a number',
  },
  rationale: {
    zh: '序号跳号或重复往往说明删改时漏掉了一项内容，或复制时多出了一段',
    en: 'A skipped or repeated number usually means an item was lost in editing or a paragraph pasted twice',
  },
  examples: {
    valid: [{ in: { section: 5 }, snippet: '五、存在的主要问题及改进情况\n一是宣传不够；二是队伍薄弱。' }],
    invalid: [{
      in: { section: 5 },
      snippet: '五、存在的主要问题及改进情况\n一是宣传不够；三是队伍薄弱。',
      marked: '五、存在的主要问题及改进情况\n一是宣传不够；⟦三是⟧队伍薄弱。',
    }],
  },
  check({ model, report }) {
    for (const f of enumerationFaults(model)) {
      const { marker: m, previous: p } = f;
      const message = f.problem === 'skip'
        ? { zh: `序号跳号：“${m.text}”前面是“${p.text}”，缺少“${f.expected}”`, en: `The numbering skips: ${m.text} follows ${p.text}; ${f.expected} is missing` }
        : f.problem === 'repeat'
          ? { zh: `序号重复：“${m.text}”紧接在同样的“${p.text}”之后，应为“${f.expected}”`, en: `The numbering repeats: ${m.text} again after ${p.text}; expected ${f.expected}` }
          : { zh: `序号倒退：“${m.text}”出现在“${p.text}”之后，应为“${f.expected}”`, en: `The numbering goes back: ${m.text} after ${p.text}; expected ${f.expected}` };
      report({
        span: m.span,
        message,
        related: [{ span: p.span, message: { zh: `上一个序号“${p.text}”`, en: `previous item ${p.text}` } }],
      });
    }
  },
});
