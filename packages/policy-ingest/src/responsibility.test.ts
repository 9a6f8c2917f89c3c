import { describe, expect, it } from 'vitest';
import { declaresFirstListedLead, findLabelledDeadline, findResponsibility, parseUnitList, splitUnits } from './responsibility.js';

const rules = { isFirstListedLead: false };

describe('splitUnits', () => {
  it('splits units a table cell lists with spaces when every piece names a unit', () => {
    expect(splitUnits('市科技局 市税务局 各县（市、区）政府')).toEqual(['市科技局', '市税务局', '各县（市、区）政府']);
    expect(splitUnits('市科技局　市教育局')).toEqual(['市科技局', '市教育局']);
  });

  it('splits on 、，,；; but never inside brackets', () => {
    expect(splitUnits('市科技局，各县（市、区）人民政府、达州高新区管委会')).toEqual([
      '市科技局',
      '各县（市、区）人民政府',
      '达州高新区管委会',
    ]);
    expect(splitUnits('市发改委;市经信局,市财政局')).toEqual(['市发改委', '市经信局', '市财政局']);
  });

  it('drops notes such as （逗号前为牵头单位，下同）', () => {
    expect(splitUnits('市科技局，达州高新区管委会（逗号前为牵头单位，下同）')).toEqual(['市科技局', '达州高新区管委会']);
  });
});

describe('parseUnitList', () => {
  it('reads the units before the first comma of a 责任单位 list as leads', () => {
    expect(parseUnitList('市经信局、市科技局，各县（市、区）人民政府、达州高新区管委会', 'responsible', rules)).toEqual({
      lead: ['市经信局', '市科技局'],
      participants: ['各县（市、区）人民政府', '达州高新区管委会'],
    });
  });

  it('lets （牵头） marks override the comma notation', () => {
    expect(parseUnitList('县科技局（牵头）、县经信局、县税务局', 'responsible', rules)).toEqual({
      lead: ['县科技局'],
      participants: ['县经信局', '县税务局'],
    });
  });

  it('makes the first unit lead only when the document says so', () => {
    expect(parseUnitList('基础研究处、省科学院', 'responsible', rules).lead).toEqual(['基础研究处', '省科学院']);
    expect(parseUnitList('基础研究处、省科学院', 'responsible', { isFirstListedLead: true })).toEqual({
      lead: ['基础研究处'],
      participants: ['省科学院'],
    });
    expect(declaresFirstListedLead('表中责任单位排在第一位的为牵头单位。')).toBe(true);
    expect(declaresFirstListedLead('清单中责任单位排第一位的为牵头单位，其他为配合单位。')).toBe(true);
  });
});

describe('findResponsibility', () => {
  it('reads the seeds’ bracketed 责任单位 with its trailing note', () => {
    expect(findResponsibility('〔责任单位：市科技局，各县（市、区）人民政府、达州高新区管委会。逗号前为牵头单位，下同〕', rules)).toEqual({
      lead: ['市科技局'],
      participants: ['各县（市、区）人民政府', '达州高新区管委会'],
    });
  });

  it('reads inline 牵头单位/参与单位 with ASCII punctuation', () => {
    expect(findResponsibility('…重点培育。(牵头单位:市科技局、市财政局,参与单位:市直有关部门和相关县区、企业)', rules)).toEqual({
      lead: ['市科技局', '市财政局'],
      participants: ['市直有关部门和相关县区', '企业'],
    });
  });

  it('reads labelled lines and ignores the leader and the date', () => {
    const text =
      '入库企业不少于20家。|牵头科室(单位)：高新科|配合科室(单位)：区生产力促进中心、区科技咨询服务中心|责任领导：刘志刚|完成时限：2022年11月底前|';
    expect(findResponsibility(text, rules)).toEqual({ lead: ['高新科'], participants: ['区生产力促进中心', '区科技咨询服务中心'] });
    expect(findLabelledDeadline(text)).toBe('2022年11月底前');
  });

  it('reads role annotations such as （省科技厅牵头，省教育厅配合）', () => {
    expect(findResponsibility('优化布局。（省科技厅牵头，省教育厅、省卫生健康委配合）', rules)).toEqual({
      lead: ['省科技厅'],
      participants: ['省教育厅', '省卫生健康委'],
    });
    expect(findResponsibility('（省科技厅、省工业和信息化厅牵头，各市〔州〕人民政府负责）', rules)).toEqual({
      lead: ['省科技厅', '省工业和信息化厅'],
      participants: ['各市〔州〕人民政府'],
    });
    expect(findResponsibility('（省科技厅负责）', rules)).toEqual({ lead: ['省科技厅'], participants: [] });
  });

  it('finds nothing in ordinary brackets', () => {
    expect(findResponsibility('国家天然气产品质量监督检验中心（四川）等国家平台', rules)).toBeNull();
  });
});
