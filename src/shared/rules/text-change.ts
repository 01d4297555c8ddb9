/**
 * The changed stretch of two texts: what they share at both ends, and what differs
 * between. Enough to show a villager what a correction changed, without a diff library.
 */
export function textChange(before: string, after: string) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return {
    head: before.slice(0, start),
    removed: before.slice(start, before.length - end),
    added: after.slice(start, after.length - end),
    tail: before.slice(before.length - end),
  };
}
