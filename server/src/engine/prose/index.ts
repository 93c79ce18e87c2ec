// Prose against tables: figures read from the text outside the tables, year mentions, enumerations.
export { proseFigures, describeFigure, targetText, readFigures, type ProseFigure, type FigureTarget, type FigureCell, type FigureStatus } from './figures';
export { findCounts, readCount, numeralValue, chineseNumeralValue, COUNT_UNITS, type CountToken } from './numerals';
export { FAMILIES, type Family, type MetricId, type Domain } from './lexicon';
export { proseSpans, proseChunks } from './scan';
