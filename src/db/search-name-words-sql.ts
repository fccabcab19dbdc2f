/** The records whose names a misspelt word may be corrected to, and the text of their names (folded). */
export const namedRecords = [
  { table: 'person', names: 'search_names' },
  {
    table: 'organisation',
    names: `lekgotla_fold(name || ' ' || coalesce(acronym, '') || ' ' || lekgotla_join(aliases))`,
  },
] as const;

/** The words of four letters or more of the names of the rows of `rows`, once each. */
export const wordsOf = (names: string, rows: string) => `
  select distinct w.word from ${rows} t, regexp_split_to_table(${names}, '[^[:alnum:]]+') as w(word) where char_length(w.word) >= 4`;
