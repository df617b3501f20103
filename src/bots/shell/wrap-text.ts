/** Indent of continuation lines: under the text of a bullet ("• ") or a numbered source ("[12] "). */
function hangingIndent(line: string): string {
  const bullet = /^(\s*(?:• |\[\d+\] ))/.exec(line);
  return bullet ? ' '.repeat(bullet[1]!.length) : /^\s*/.exec(line)![0];
}

/** Wraps one line at `width` columns between words; a word longer than the width stays whole on its own line. */
function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = hangingIndent(line);
  const words = line.trimStart().split(' ');
  const lead = line.slice(0, line.length - line.trimStart().length);
  const out: string[] = [];
  let current = lead;
  let empty = true;
  for (const word of words) {
    if (!empty && current.length + 1 + word.length > width) {
      out.push(current);
      current = indent + word;
    } else {
      current += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  out.push(current);
  return out;
}

/** Wraps text for a terminal `width` columns wide without breaking words; linear in the text's length. */
export function wrapText(text: string, width: number): string {
  if (!Number.isFinite(width) || width < 20) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
