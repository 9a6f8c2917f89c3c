/**
 * The extractor's version, stored with every extraction kept in the document library (政策文件库) so a
 * stored reading can be told apart from what the current extractor would read.
 *
 * `extractorRulesRevision` is bumped by hand whenever a change to the rules, readers or lexicon can
 * change an extraction (a test checks that the version starts with this package's version).
 */
export const extractorPackageVersion = '0.1.0';
export const extractorRulesRevision = 1;
export const extractorVersion = `${extractorPackageVersion}+r${extractorRulesRevision}`;
