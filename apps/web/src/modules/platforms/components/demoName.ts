/**
 * A demo record's name without its trailing （演示）: the seed marks invented names so exports and documents say so,
 * but on screen the 演示 tag beside the name already does (the word once, not twice).
 */
export function withoutDemoMark(name: string): string {
  return name.replace(/\s*[（(]演示[）)]$/, '');
}
