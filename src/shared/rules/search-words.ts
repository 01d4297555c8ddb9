/**
 * The words a search finds text by, for indexes written with the item. Chinese has
 * no spaces, so a text's words are its characters and its pairs of neighbouring
 * characters (bigrams): any run of two or more characters contains its first
 * pair, so the entries of that one pair, checked with `contains`, are all the
 * texts that hold the run. Code points, not UTF-16 units: a rare character outside
 * the basic plane stays one character.
 */
const chars = (text: string) => Array.from(text);

export const pairsOf = (text: string) => {
  const c = chars(text);
  return [...new Set(c.slice(1).map((x, i) => c[i] + x))];
};

export const charactersOf = (text: string) => [...new Set(chars(text))];

/** The one word whose entries hold every text containing the query: its first pair, or the character alone. */
export const lookupWord = (query: string): { kind: 'char' | 'pair'; word: string; exact: boolean } => {
  const c = chars(query);
  return c.length === 1
    ? { kind: 'char', word: c[0], exact: true }
    : { kind: 'pair', word: c[0] + c[1], exact: c.length === 2 };
};
