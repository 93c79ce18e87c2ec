import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { FindingNeeds, Formatter } from './types';

export const FORMATTERS: Record<string, Formatter> = { stylish, json, sarif };
/** json: neither; stylish: whether a preferred fix exists (the fixable count); sarif: related locations and preferred fixes. */
export const FORMATTER_NEEDS: Record<string, FindingNeeds> = {
  stylish: { related: false, fixes: 'preferred' },
  json: { related: false, fixes: 'none' },
  sarif: { related: true, fixes: 'preferred' },
};
export type { FileResult, FindingNeeds, Formatter } from './types';
