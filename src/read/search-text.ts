/** Dashes of every kind, slashes and underscores, between two letters or digits. */
const JOINING_PUNCTUATION = /(?<=[\p{L}\p{N}])[\p{Pd}/\\_]+(?=[\p{L}\p{N}])/gu;

/** Whether the text holds at least one letter or digit: a query of punctuation alone names nothing to look for. */
export const hasWord = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/**
 * The query with punctuation that joins two words turned into a space, as the
 * search documents index them ("Auditor-General" as "Auditor General",
 * "monitoring/evaluation" as two words). A minus before a word, and quotes,
 * keep their web-search meaning: neither stands between two letters.
 */
export const foldPunctuation = (text: string): string => text.replace(JOINING_PUNCTUATION, ' ');
