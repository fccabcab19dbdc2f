import { clean, provinceIn, slugify } from './text.js';

/** Words before "SMS" that do not tell one series from another. */
const filler = /\b(?:the|annual|national|provincial|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/gi;

/**
 * The series a conference title belongs to: the national Senior Management
 * Service conference is "sms"; a provincial one is "<province>-sms"
 * ("Free State Provincial SMS Conference 2009" → "free-state-sms").
 */
export function seriesOf(conferenceTitle: string): { slug: string; name: string } {
  const name = clean(conferenceTitle.replace(/\b(?:19|20)\d{2}\b/, '')).replace(/[\s,:;–-]+$/, '');
  const sms = /\b(?:senior management service|sms)\b/i.exec(name);
  if (!sms) return { slug: slugify(name), name };
  const prefix = name.slice(0, sms.index);
  const province = provinceIn(prefix);
  const qualifier = province ?? clean(prefix.replace(filler, ' '));
  return { slug: qualifier ? `${slugify(qualifier)}-sms` : 'sms', name };
}

/**
 * The series of a conference the page names without a title: the national
 * Senior Management Service conference, or a province's, named after the
 * province rather than after the sentence that mentions it.
 */
export function seriesNamed(province: string | undefined): { slug: string; name: string } {
  return province
    ? { slug: `${slugify(province)}-sms`, name: `${province} Senior Management Service Conference` }
    : { slug: 'sms', name: 'Senior Management Service Conference' };
}
