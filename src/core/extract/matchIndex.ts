/**
 * Questions about the text before a number ("does the piece before it hold 累计?", "which base
 * year is named last before it?") asked for every number of a clause. Asked of a fresh slice each
 * time, they cost the length of the slice, so a long clause with many numbers took quadratic time
 * (issue 13: a 157 KB list with no 。 took 26 s). Here each pattern is scanned over the clause once
 * and the questions are answered from its sorted matches by binary search.
 *
 * Matches are those of one left-to-right scan of the whole clause: a match that a scan starting
 * inside another match would find is not seen. The lexicon's words contain no 、，： and the
 * questions start at piece or phrase boundaries, so no question starts inside a match.
 */

interface Found {
  start: number;
  end: number;
  match: RegExpExecArray;
}

/** The sorted matches of each pattern asked about, in one text. */
export class MatchIndex {
  private readonly found = new Map<RegExp, Found[]>();

  constructor(private readonly text: string) {}

  private matchesOf(pattern: RegExp): Found[] {
    let list = this.found.get(pattern);
    if (!list) {
      const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
      list = [];
      for (let match = global.exec(this.text); match !== null; match = global.exec(this.text)) {
        // An empty match would not advance the scan.
        if (match[0].length === 0) global.lastIndex++;
        else list.push({ start: match.index, end: match.index + match[0].length, match });
      }
      this.found.set(pattern, list);
    }
    return list;
  }

  /** Index of the first match starting at or after `position`. */
  private firstFrom(list: readonly Found[], position: number): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle].start < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * The first match inside text[from, to): what pattern.exec(text.slice(from, to)) finds, with
   * offsets in the whole text.
   * @returns the match (its index relative to the whole text), or null
   */
  first(pattern: RegExp, from: number, to: number): RegExpExecArray | null {
    const list = this.matchesOf(pattern);
    const found = list[this.firstFrom(list, from)];
    return found !== undefined && found.end <= to ? found.match : null;
  }

  /** Whether a match lies wholly inside text[from, to). */
  has(pattern: RegExp, from: number, to: number): boolean {
    return this.first(pattern, from, to) !== null;
  }

  /** The last match inside text[from, to), or null. */
  last(pattern: RegExp, from: number, to: number): RegExpExecArray | null {
    const list = this.matchesOf(pattern);
    let low = this.firstFrom(list, from);
    let high = list.length;
    // The last match ending by `to`: matches are sorted by start and do not overlap, so by end too.
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle].end <= to) low = middle + 1;
      else high = middle;
    }
    const found = list[low - 1];
    return found !== undefined && found.start >= from && found.end <= to ? found.match : null;
  }

  /** As text.lastIndexOf(word, position) for a pattern: the start of the last match starting at or before it, or −1. */
  lastStartBy(pattern: RegExp, position: number): number {
    const list = this.matchesOf(pattern);
    const index = this.firstFrom(list, position + 1) - 1;
    return index >= 0 ? list[index].start : -1;
  }
}
