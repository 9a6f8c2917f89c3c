/**
 * A demo record's name without its trailing （演示）: the seed marks invented names so exports and documents say so,
 * but on screen the 演示 tag beside the name already does (the word once, not twice).
 */
export function withoutDemoMark(name: string): string {
  return name.replace(/\s*[（(]演示[）)]$/, '');
}

const demoMarks = /\s*[（(]演示[）)]/g;

/**
 * A text built from demo names (a to-do's title, a seat's platform), for a record that does not say whether it is
 * demo data: the text without its （演示） marks, and whether it had any — then a 演示 tag says it once.
 */
export function splitDemoMarks(text: string): { text: string; isDemo: boolean } {
  const plain = text.replace(demoMarks, '');
  return { text: plain, isDemo: plain !== text };
}
