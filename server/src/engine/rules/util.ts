import type { SectionId } from '../types';
import { standardHeading } from '../skeleton';

export const sectionName = (id: SectionId): string => standardHeading(id);
export const SECTION_EN = ['', 'General', 'Proactive disclosure', 'Applications received and handled', 'Administrative review and litigation', 'Problems and improvements', 'Other matters'];
