import { describe, expect, it } from 'vitest';
import { leadMove } from './leads.lifecycle';

describe('the lead lifecycle', () => {
  it('lets staff contact, negotiate and drop an open lead', () => {
    expect(leadMove('new', 'contact', 'staff')).toEqual({ to: 'contacted', refusal: null });
    expect(leadMove('contacted', 'negotiate', 'staff')).toEqual({ to: 'negotiating', refusal: null });
    expect(leadMove('negotiating', 'drop', 'staff')).toEqual({ to: 'dropped', refusal: null });
  });

  it('signs a lead only by registering a contract', () => {
    expect(leadMove('negotiating', 'sign', 'staff').refusal).not.toBeNull();
    expect(leadMove('negotiating', 'sign', 'contract')).toEqual({ to: 'signed', refusal: null });
  });

  it('refuses any move out of a signed or dropped lead, saying why', () => {
    expect(leadMove('signed', 'drop', 'staff')).toEqual({ to: null, refusal: '状态为“已签约”的对接记录不能“终止”' });
    expect(leadMove('dropped', 'contact', 'staff').refusal).toBe('状态为“已终止”的对接记录不能“联系”');
    expect(leadMove('contacted', 'contact', 'staff').refusal).not.toBeNull();
  });
});
