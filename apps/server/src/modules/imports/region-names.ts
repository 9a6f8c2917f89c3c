import type { RegionRow } from '../regions';

/**
 * Resolves what a person types in a 所在区域 cell: a unique name ("宣汉县") or a path
 * ("四川省/达州市/宣汉县", "达州市宣汉县"). Returns the id, or why it could not.
 */
export function regionResolver(rows: RegionRow[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fullName = (row: RegionRow): string[] => {
    const names: string[] = [];
    for (let current: RegionRow | undefined = row; current; current = current.parentId ? byId.get(current.parentId) : undefined)
      names.unshift(current.name);
    return names;
  };
  const entries = rows.map((row) => ({ row, names: fullName(row) }));
  return (text: string): { id: string } | { error: string } => {
    const parts = text.split(/[/／>＞\s]+/).filter(Boolean);
    const wanted = parts.length > 1 ? parts : [text.trim()];
    const last = wanted[wanted.length - 1]!;
    const candidates = entries.filter((e) => e.row.name === last || e.names.join('').endsWith(wanted.join('')));
    const matching = candidates.filter((e) => wanted.every((name) => e.names.includes(name)) || e.names.join('').endsWith(wanted.join('')));
    if (matching.length === 1) return { id: matching[0]!.row.id };
    if (matching.length > 1) return { error: `区域“${text}”不唯一，请写完整路径，如“${matching[0]!.names.join('/')}”` };
    return { error: `区域“${text}”不存在或不在您的管辖范围内` };
  };
}
