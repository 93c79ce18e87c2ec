import { SECTIONS } from '../template';
import type { SectionId, Span } from '../types';
import { standardHeading } from '../skeleton';

export const sectionName = (id: SectionId): string => standardHeading(id);
export const sectionTitle = (id: SectionId): string => SECTIONS[id - 1].title;
export const SECTION_EN = ['', 'General', 'Proactive disclosure', 'Applications received and handled', 'Administrative review and litigation', 'Problems and improvements', 'Other matters'];
export const startOf = (span: Span): Span => ({ start: span.start, end: span.start });
