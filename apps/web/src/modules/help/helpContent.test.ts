import { roles } from '@stip/contracts';
import { describe, expect, it } from 'vitest';
import { navItems } from '../../app/navigation';
import { t } from '../../shared/i18n/zh-CN';
import { helpSections, sectionsFor } from './helpContent';

describe('操作手册', () => {
  it('has a section for every role', () => {
    for (const role of roles)
      expect(
        helpSections.some((section) => section.roles.includes(role)),
        role,
      ).toBe(true);
  });

  it('puts the reader’s own role first and keeps every section', () => {
    expect(sectionsFor('host_user')[0]?.title).toBe('依托单位');
    expect(sectionsFor('department_staff')[0]?.roles).toContain('department_staff');
    expect(sectionsFor(null)).toHaveLength(helpSections.length);
    expect(
      sectionsFor('expert')
        .map((section) => section.title)
        .sort(),
    ).toEqual(helpSections.map((section) => section.title).sort());
  });

  it('tells people to click only what the screen shows: menu entries and button labels from the catalogue', () => {
    const menuLabels = new Set(navItems.map((item) => item.label));
    const catalogue = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') catalogue.add(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(t);
    const steps = helpSections.flatMap((section) => section.tasks.flatMap((task) => task.steps)).join('\n');
    const clicked = [...steps.matchAll(/(?:点击|选择)“([^”]+)”/g)].map((match) => match[1]!);
    expect(clicked.length).toBeGreaterThan(20);
    expect(clicked.filter((label) => !menuLabels.has(label) && !catalogue.has(label))).toEqual([]);
  });
});
