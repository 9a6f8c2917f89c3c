import type { ThemeConfig } from 'antd';

/** A restrained government blue; dense controls for people who work in spreadsheets all day. */
export const brandBlue = '#1d4f91';
export const headerBlue = '#0e3a73';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brandBlue,
    colorInfo: brandBlue,
    colorLink: brandBlue,
    borderRadius: 4,
    fontSize: 14,
    colorBgLayout: '#f2f4f8',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
  },
  components: {
    Layout: { headerBg: headerBlue, siderBg: '#ffffff', headerHeight: 52, headerPadding: '0 20px' },
    Menu: { itemSelectedBg: '#e6eef9', itemSelectedColor: brandBlue, itemHeight: 40 },
    Table: { headerBg: '#eef2f8', cellPaddingBlockSM: 6 },
    Card: { headerFontSize: 15 },
  },
};
