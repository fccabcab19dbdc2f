/** Small text helpers shared by the generators. */

/** "Executive Mayor's Office" → "executive-mayors-office"; keys stay short enough to read. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary, so a long name ends in whole words.
  const cut = slug.slice(0, maxLength + 1);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, maxLength);
}

const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'with']);

/**
 * An acronym in the South African government style: DPSA for the Department
 * of Public Service and Administration; DoH where one subject follows
 * "Department of".
 */
export function acronymOf(name: string): string {
  const words = name.split(/[\s,-]+/).filter((word) => word && !MINOR_WORDS.has(word));
  if (words.length === 2 && words[0] === 'Department') return `Do${words[1]!.charAt(0)}`;
  return words.map((word) => word.charAt(0).toUpperCase()).join('');
}

/**
 * Gives out names that have not been given before: asks `propose` again
 * (it draws from a random stream) and, should that keep failing, numbers the
 * name, so even very large worlds get unique names.
 */
export class NameBook {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.used.add(name);
  }

  unique(propose: () => string): string {
    let name = propose();
    for (let attempt = 0; attempt < 40 && this.used.has(name); attempt++) name = propose();
    for (let number = 2; this.used.has(name); number++) name = `${name.replace(/ \(\d+\)$/, '')} (${number})`;
    this.used.add(name);
    return name;
  }
}
