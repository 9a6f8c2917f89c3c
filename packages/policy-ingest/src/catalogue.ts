/**
 * The catalogue: the vocabulary and patterns the rules are written in. Everything Chinese that the extractor relies
 * on lives here, as named data with a comment saying what it is for, so that tuning it for another genre of document
 * means editing lists, not code — and so that the whole rule surface can be reviewed (and counted) in one file.
 */

import type { Level } from './types.js';

/** A word list written as whitespace-separated words, which keeps long lexicons readable. */
function words(list: string): readonly string[] {
  return list.trim().split(/\s+/);
}

/** Builds an alternation that tries longer words first, so "人次" wins over "人" and "新培育" over "培育". */
export function alternation(entries: readonly string[]): string {
  return [...new Set(entries)]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

export const MONEY_UNITS: readonly string[] = ['亿美元', '万美元', '美元', '亿元', '千万元', '万元', '元'];
export const RATIO_UNITS: readonly string[] = ['个百分点', '百分点', '%', '‰'];

/**
 * Amounts the platform sums itself instead of people reporting them, by what the subject measures (see
 * `summedMetricOf`): `technology_contract_amount` is the sum of the technology contracts registered in the region —
 * 技术合同登记额 / 成交额 / 交易额 (认定登记额, 登记成交额, 登记金额 …), in 元 / 万元 / 千万元 / 亿元. The whole subject
 * must name that amount, after an optional row number, region or 年度: a growth of it (技术合同登记额年均增长…, 较2020年增长5亿元), the part
 * bought in or sold out (吸纳 / 输出技术合同成交额) or 技术交易额 (only the technology part of a contract) is not the sum.
 */
export const SUMMED_AMOUNTS: ReadonlyArray<{ metric: 'technology_contract_amount'; subject: RegExp; units: readonly string[] }> = [
  {
    metric: 'technology_contract_amount',
    subject:
      /^\d{0,3}(?:[\u4e00-\u9fa5]{1,8}?[省市县区州])?(?:年度|全年)?技术(?:市场)?合同(?:认定登记|登记成交|登记|成交|交易)(?:总?额|金额)$/,
    units: ['元', '万元', '千万元', '亿元'],
  },
];

/** Measure words for counted things; a 万/亿 magnitude may precede them ("2万人次"). */
export const COUNT_UNITS = words(`
  家次 项次 个次 人次 场次 批次 台套 台（套） 家 个 项 所 座 条 名 人 位 支 套 台 件 篇 部
  本 种 只 头 户 场 次 处 亩 公顷 平方米 吨 千瓦 兆瓦 株 例 册 期
`);

/**
 * Characters that, right after a measure word, show it is really the start of another word
 * ("个人", "部门", "条件", "项目"), so the figure is not a quantity of that unit.
 */
export const UNIT_FALSE_FRIENDS: Readonly<Record<string, string>> = {
  个: '人性体案月工',
  部: '门署分',
  条: '件例款',
  位: '于置',
  所: '有以在属谓',
  名: '单称义',
  家: '庭具乡',
  项: '目',
  台: '阶湾账',
  种: '子类植养苗业质',
  处: '理置于长室',
  场: '所景地',
  人: '民员才',
  次: '要',
};

/**
 * Words before a figure that set the comparator. Reaching a figure (达到/提高到/突破/力争达到) means at least; an exact
 * figure is rare and only read from explicit wording (保持在/稳定在/等于 without 以上/以下); 控制在/降至 mean at most.
 */
export const AT_LEAST_BEFORE = [
  '不少于',
  '不低于',
  '突破',
  '超过',
  '高于',
  '多于',
  '至少',
  '超',
  '逾',
  '大于',
  '力争达到',
  '总数达到',
  '累计达到',
  '达到',
  '达',
  '提高到',
  '提升到',
  '增加到',
  '增长到',
  '增至',
  '发展到',
  '扩大到',
];
export const AT_MOST_BEFORE = ['不超过', '不高于', '控制在', '低于', '少于', '降低到', '降至', '降到', '压减到'];
export const EXACT_BEFORE = ['保持在', '稳定在', '等于'];
/** Words that make the figure approximate: read as at least, with a doubt on the value. */
export const APPROXIMATE_BEFORE = ['约', '近'];
/** Words that bind nothing ("目标为30家"): read as at least, with a doubt on the comparator. */
export const PLAIN_BEFORE = ['为'];
export const AT_LEAST_AFTER = ['及以上', '以上'];
export const AT_MOST_AFTER = ['以内', '以下'];
export const APPROXIMATE_AFTER = ['左右'];

/** Verbs that introduce what is to be built, bred or brought in; stripped from the front of a subject. */
export const LEADING_VERBS = words(`
  引进和培育 布局建设 择优组建 组织实施 推荐上报 推广应用 新增布局 新培育 新认定 新建设
  建设 新建 建成 培育 引进 组建 认定 创建 争创 打造 实施 开发 登记 推广 培养 引育
  新增 布局 支持 扶持 建立 设立 搭建 推荐 上报 申报 遴选 攻克 育成 举办 开展 组织
  完成 实现 提升 提高 形成 壮大 吸引 集聚 招引 储备 立项 选派 评选 获批 邀请 签订
  推动 促进 发展 达到 突破 争取 重组 优化重组 建有 拥有 设有 配备 净增 挂牌运行 挂牌 撬动 推进 新
`);

/** Nouns that begin with a verb or filler above and must not lose it ("新型研发机构", "开发区"). */
export const NOUN_COMPOUNDS = words(`
  开发区 新型 新品种 新技术 新产品 新材料 新能源 新一代 新兴 发展改革 实现值 建设银行
  推广站 支持政策 和平 及时 突破性 完成率 完成值 登记额 认定登记
`);

/**
 * Verbs safe to cut after even in the middle of a subject ("市科技局将新培育省级新型研发机构"): unlike 建设 or
 * 开发 they do not occur inside the names of platforms or statistics.
 */
export const INNER_CUT_VERBS = words(`
  新培育 新认定 新建 新增 培育 引进 组建 创建 争创 打造 育成 攻克 选派 推荐上报 上报
  邀请 建成 安排
`);

/** Adverbs, modals and scope words stripped from the front of a subject. */
export const LEADING_FILLERS = words(`
  力争 争取 确保 努力 全力 着力 大力 积极 加快 加紧 择优 逐步 进一步 持续 不断 全年
  今年 年内 本年度 当年 明年 每年 每年度 年均 再 要 将 计划 预计 目标是 到 使 柔性 各类 一批
  全市 全省 全区 全县 全州 我市 本市 我省 我区 我县 其中 同时 另外 此外 以及 和 及
  与 并 、 的 至少 均 把 累计 较上年 比上年 较去年 同比
`);

/** Words that end a subject without belonging to it ("高新技术企业数量", "瞪羚企业新建"). */
export const TRAILING_FILLERS = words(`
  建设 数量 总数 个数 家数 达 为 实现 取得 方面 目标 的 等 力争 争取 新增 新建
  完成 累计 分别 和 及 、 要 将 总量达 入库备案 入库评价 评价入库 入库 备案 净增 提高 翻番 翻一番
  均 总量 逐年递增 逐年增加 稳步增长 持续增长 入库培育 每年 每年度 提高至 提升至 合计
`);

/** Nouns a counted subject ends in; required when the figure comes first ("5家省级…机构") or is written in hanzi. */
export const HEAD_NOUNS = words(`
  实验室 中心 平台 基地 企业 机构 园区 园 孵化器 空间 天地 工作站 站 联盟 项目 专项
  人才 团队 专家 院士 人员 特派员 产品 品种 技术 成果 专利 标准 载体 示范区 高校
  院所 研究院 研究所 协会 服务团 驿站 基金 论文 奖 活动 合同 库 集群 小镇 学校 医院
  队伍 分中心 分所 大学 公司 集团 科技园 场地 仪器 设备 网点 工程 城市 县 示范县
  乡镇 村 示范村 新品种 新技术 企业研究院
`);

/** Things a document counts about itself ("明确了24项具体举措"): never targets. */
export const SELF_DESCRIPTION_NOUNS = words(`
  任务 举措 措施 政策 方面 部分 章 条款 意见 行动 环节 领域 步骤 原则
`);

/**
 * Signs that a figure reports what already exists or was achieved ("截至2021年底", "累计建成", "同比增长"),
 * checked in the clause group before the figure. 拥有量 is a statistic's name, not a report.
 */
export const ACHIEVED_CUES =
  /已|累计|截至|截止|共有|拥有(?!量)|先后|相继|近年来|以来|同比|较上年|比上年|较去年|增长了|提高了|完成了|实现了|取得了|位居|居全省|名列|排名|超额|获评|荣获|入选|过去[一两三五]年|过去的一年|[一两三五]年来|刚刚过去的|去年(?!基础|同期)|实际|不足|不到|仅有|只有/;

/** Words that bind a figure further on in the clause ("至少建成1个"), when none stands right before it. */
export const AT_LEAST_IN_CLAUSE = /至少|不少于|不低于/;

/** Subsidy and award rules state money per recipient, not a target. */
export const INCENTIVE_CUES = ['给予', '奖励', '补助', '资助', '补贴', '最高', '一次性', '每家', '每个', '每项', '奖补'];

/** Modals that make "完成…" a plan rather than a report. */
export const PLAN_MODALS = ['力争', '确保', '计划', '预计', '将', '要', '目标', '任务', '争取', '努力'];

/** Pieces of scope in front of a coverage subject ("各县（市、区）及达州高新区…全覆盖"). */
export const SCOPE_WORDS = words(`
  区域 县域 市域 镇域 镇街 产业 行业 领域 县区 区县 乡镇 街道 行政村 村 社区 城乡 全域 各地 园区 设区市
  每个 每家 每
`);

/** Section headings, by what their content is. Checked in this order. */
export const SECTION_PATTERNS = {
  results:
    /开展工作|工作开展|工作成效|主要成效|取得成效|成效|进展情况|工作进展|完成情况|落实情况|工作总结|主要成绩|工作回顾|回顾|基本情况|发展现状|现状|工作基础|发展基础|存在的?问题|主要问题/,
  // A call for applications states conditions and procedures, whose figures are thresholds, not goals.
  rules:
    /申报条件|认定条件|基本条件|申报要求|申报范围|支持方式|支持对象|支持标准|申报程序|认定程序|评审程序|申报材料|评分标准|评价标准|联系方式/,
  safeguard: /保障|组织实施|组织领导/,
  goal: /目标|指标/,
  work: /任务|重点工作|工作重点|主要工作|工作措施|主要措施|具体措施|重点举措|主要举措|工作安排|实施步骤/,
  principle: /原则|思路|指导思想|总体要求|基本要求|意义|背景/,
  plan: /下一步|工作计划|打算|展望/,
} as const;

/** Title words of a document that reports results rather than proposing a plan. */
export const RESULTS_DOCUMENT_TITLE = /工作总结|年度总结|办理情况|情况的报告|情况报告|完成情况|工作情况|述职/;

/** Title words of an annual plan that carry no year: the document's own year is the plan's ("政府工作报告"). */
export const ANNUAL_PLAN_TITLE_WITHOUT_YEAR = /^(?:[\u4e00-\u9fa5]{0,12})?政府工作报告|^(?:[\u4e00-\u9fa5]{0,16})?年度工作(?:要点|计划)/;

/** Title words of an annual plan, whose figures are due at the end of its year; the end of a span（2024—2025年）is not one. */
export const ANNUAL_PLAN_TITLE =
  /(?<![—–\-~～至到]\s?)(\d{4})年[^，。；]{0,30}?(工作要点|工作计划|工作安排|重点工作|工作方案|行动计划|任务清单|目标任务|实施计划|工作任务|任务分工|任务分解|责任分解|目标考核|考核细则|考核办法|考核指标|年度任务|建设任务|政府工作报告)/;

/** Words in a deadline or task that mark it as ongoing rather than one-off. */
export const RECURRING_IN_DEADLINE = /持续推进|持续开展|动态更新|长期|常态化|每季度|每月|每年|每半年|按季度|按月|定期|逐年|持续/;
export const RECURRING_IN_TEXT = /持续推进|动态更新|长期坚持|长期推进|常态化|每季度|每月|每年|每半年|按季度|按月|定期/;

/** Suffixes of organisation names, used to recognise a cell that lists responsible units. */
export const ORGANISATION_SUFFIX =
  /(局|委|办|府|会|院|校|所|室|科|部|处|站|署|机构|中心|公司|集团|企业|团|馆|社|队|行|厅|组|县|区|市|镇|乡|街道|单位|部门|高校)[）)]?$/;

/**
 * What a figure counts (issue 11). `added`: what the plan adds, counted from its start — 新建/新增/新培育/新认定/
 * 新布局/新组建/新引进/再建设/净增/年度新增. Not 新型/新一代/新材料/新能源/新兴… (nouns that begin with 新).
 */
export const ADDED_CUE =
  /新(?:建设?|增|培育|认定|布局|组建|引进|设立|创建|获批|备案|登记|招引|落地)|再(?:建设?|培育|认定|新增)|净增|增加(?![到至值])/;
/**
 * A figure with a verb of its own that reaches a level (…、市级工程技术研究中心力争达到150家): an addition verb earlier
 * in the list does not carry over to it.
 */
export const REACH_CUE = /达到|突破|超过|提高到|提升到|发展到|增至|保持|稳定在/;
/** A total stated as such (总数/总量/累计/保有量): the figure is the stock, even after an 新增 in the clause. */
export const STOCK_CUE = /总数|总量|累计(?!新增|新建|新培育|新认定|新引进|净增)|保有量|总规模/;
/**
 * A yearly rate: the figure is required in each plan year (每年/年均/每年度/年度新增/平均每年/逐年). An average
 * growth rate (年均增长10%) is one figure over the period, not a yearly series.
 */
export const PER_YEAR_CUE = /每年|年均(?!增长|增速|提高|递增)|平均每年|年度新增|逐年新增|每一年|(?<![全今当本明去上])年新增/;
/**
 * A sentence that opens on the regions of a level as its actors ("各设区市要制定…，确保新增…每年不少于5家", after an
 * optional label such as 答：) requires its figures of each of them.
 */
export const PER_REGION_SENTENCE_OPENING: ReadonlyArray<{ level: '市' | '县'; pattern: RegExp }> = [
  { level: '县', pattern: /^(?:[\u4e00-\u9fa5]{1,2}[:：])?(?:各|每个)(?:县[（(][市区、]+[）)]|区县|县区|县市区|县)(?:要|应|须|均)/ },
  { level: '市', pattern: /^(?:[\u4e00-\u9fa5]{1,2}[:：])?(?:各|每个)(?:设区市|省辖市|市[（(]州[）)]|市州|地市)(?:要|应|须|均)/ },
];

/** Rates of a shorter period: no single due date, but not a yearly series either. */
export const SUB_YEAR_RATE_CUE = /每季度|每月|每半年/;

/**
 * A figure required of each region of a level ("推动每个县（市、区）至少建成1家孵化器", "各县（市、区）均建成1家以上",
 * "每个区县都有"), judged region by region. 全覆盖 wording stays a coverage target (kind `coverage`), not a per-region
 * count. Checked in this order; the view the rules read has no whitespace.
 */
export const PER_REGION_CUES: ReadonlyArray<{ level: '市' | '县'; pattern: RegExp }> = [
  {
    level: '县',
    pattern:
      /每个(?:县|区县|县区|县市区|区市|县[（(][市区、]+[）)])|每县|各(?:县[（(][市区、]+[）)]|区县|县区|县市区|县)[^，,；;。]{0,16}(?:均|都|各|至少|不少于|要|应|须)/,
  },
  {
    level: '市',
    pattern:
      /每个(?:市|地市|省辖市|地级市|市[（(]州[）)]|市州|设区市)|各(?:市[（(]州[）)]|市州|设区市|地市)[^，,；;。]{0,16}(?:均|都|各|至少|不少于|要|应|须)/,
  },
];

/**
 * What a reviewer is told when a part of a target was not read unambiguously (ExtractedTarget.doubts). The server
 * shows 建议可信 only when there is none.
 */
export const DOUBTS = {
  comparatorGuessed: '比较关系：未写明“以上/不少于/以内”等，按“不少于”理解',
  valueRange: '数值：写的是区间，取了下限',
  valueApproximate: '数值：写的是约数（约/左右/余/多）',
  unitMissing: '单位：未写明',
  unitOdd: '单位：不是常见的计量单位，请核对',
  deadlineInherited: '期限：句中未写明，取自所在段落、章节或文件年度',
  deadlineMissing: '期限：未写明',
  subjectBorrowed: '对象：句中未写明，取自上文',
  subjectGeneric: '对象：不够具体，请核对',
} as const;

/**
 * The span a plan's title gives it ("…行动方案（2026—2028年）"): figures with no date of their own, in a section with
 * none, fall due at its end. Read only from title lines (before the first heading, no full stop).
 */
export const PLAN_SPAN_IN_TITLE = /[（(]?(\d{4})\s*年?\s*[—–\-~～至到]+\s*(\d{4})\s*年[）)]?/;
export const FIRST_HEADING = /^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+章)/;

/**
 * "确保每个县区都有省级以上孵化器": a per-region requirement with no figure, read as one of what follows in each
 * region. The match ends where the counted thing begins.
 */
export const EACH_REGION_HAS =
  /(?:每个|各)(?:县|区县|县区|县市区|县[（(][市区、]+[）)]|市[（(]州[）)]|市州)(?:都|均)(?:要|应|需)?(?:有|建有|拥有|设有)(?=[\u4e00-\u9fa5])/g;

// ——— Patterns the rules read, moved here from the rule modules (issue 11: one catalogue) ———

// from targets.ts

export const FIRST_BREAKTHROUGH = /(?:实现)?[“"‘]?零[”"’]?的?突破/g;

/** 全覆盖 as a goal, not as the name of a programme ("实施县域孵化全覆盖工程"). */
export const FULL_COVERAGE = /全覆盖(?!工程|行动|计划|专项|试点)/g;

export const INDEX_VALUE = /(?<=指数|得分)(达到|达|提高到|提升到|突破|超过|不低于|为)(\d+(?:\.\d+)?)(?![\d.%万亿元家个项])/g;

/** A share is a subsidy rule only where the money is said to be given ("按研发投入的10%给予补助"). */
export const SUBSIDY = /给予|奖励|补助|资助|补贴|奖补/;

export const PREDICATE_START = /申报|开展|进行|围绕|通过|作为|用于|对接|参与|落户|入驻|挂牌|的基础上/;

export const PLATFORM_HEAD = /(实验室|中心|平台|基地|企业|机构|园区|孵化器|空间|天地|站|联盟|院|所|高校|载体|分中心)$/;

export const ITEM_HEAD = /(奖|项目|成果|专利|标准|专项)$/;

export const LEVEL_ONLY = /^(国家级|省级|市级|县级|区级)$/;

export const TOTAL = /^(?:总数|数量|总量)$/;

/** Measures that name no thing of their own ("规模达到5亿元"): the thing is the previous clause's object. */
export const GENERIC_MEASURE = /^(规模|总量|总额|数量|金额|比例|比重|占比|总数|面积|产值|收入|营业收入|资金规模)$/;

/** The places named after what covers them: "省级科技企业孵化器市（州）全覆盖", "众创空间县区全覆盖". */
export const TRAILING_SCOPE = /(?:各?[市县区州](?:[（(][^）)]{1,8}[）)])|县区|区县|乡镇|市州|各县|各区)$/;

export const HISTORY_OPENING = /^(?:去年|过去一年|过去五年|上年|前年|近年来|这几年|近几年|目前[，,]|截至|截止)/;

export const PROGRESS_LABEL = /(?:推进情况|进展情况|完成情况|工作进展|落实情况|进度)[:：][^：:]*$/;

/** Cues that report the present only about the figure of their own clause ("全市现有…300家", not "对现有…进行整合，新建…"). */
export const CLAUSE_ACHIEVED_CUES = /(?<!实)现有|目前/;

export const PLANNABLE_CUES = new Set(['累计', '较上年', '比上年', '较去年']);

/** Conditions for applying or qualifying: "申请认定…的，应具有…", "依托单位应为…", "须具备…". */
export const CONDITION = /^(?:申报|申请|参评|推荐)[^。]{0,40}的|应(?:为|具有|具备|当具备|满足)|须(?:具备|具有|满足)|应当具备/;

/** 考核 rules score figures, they do not set them: "每少1家扣0.5分", "未实现全覆盖扣5分", "完成率低于60%不得分". */
export const SCORING_RULE = /扣[\d一二三四五六七八九十半]|扣完|扣分|得满分|不得分|计分|加[\d一二三四五]+分|每少|每多/;

// from quantity.ts

/** A figure right after these is an ordinal, an example count, a code or part of another figure. */
export const NOT_A_QUANTITY_BEFORE = /[第等前每+/.A-Za-z\d#\-—]$/;

// from subject.ts

/** "支持湖南文理学院建设省级重点实验室": the supported actor and its verb come before what is counted. */
export const SUPPORTED_ACTOR =
  /^(?:支持|推动|鼓励|引导|指导|帮助)[\u4e00-\u9fa5（）()、]{2,24}?(?:建设|创建|申报|争创|组建|新建)(?=[\u4e00-\u9fa5]{2})/;

/** A due date inside the words before a figure: what precedes it is a headline or a lead-in, never the subject. */
export const INNER_DUE_DATE = /(?:到|至)\d{4}年(?:底|末)?(?:以前|之前|前)?/g;

/** Object verbs: after the last of them comes what a clause builds ("指导企业申报国家企业技术中心" → 国家企业技术中心). */
export const OBJECT_VERBS = [...INNER_CUT_VERBS, '建设', '申报', '建立', '设立', '搭建', '支持', '推动', '推进', '实施', '开展', '布局'];

export const LEVEL_PREFIXES: ReadonlyArray<[RegExp, Level]> = [
  [/^(国家?级?[、和及与]省|省级及以上|省级以上|省部级|省级|省(?![份内外会委政])|[\u4e00-\u9fa5]{2,3}省(?=[\u4e00-\u9fa5]))/, '省'],
  [/^(国家级|国家|全国重点实验室|国字号)/, '国家'],
  [/^(市级及以上|市级以上|市级|市(?![场民值属直内外区县]))/, '市'],
  [/^(县级及以上|县级以上|县级|区级|县(?![域城内外]))/, '县'],
];

export const LEVEL_WORD = /^(国家级|国家|省级|市级|县级|区级)(及以上|以上)?$/;

/** After these a verb was an adjective or a noun all along ("突破性", "转化型", "信息化"). */
export const MAKES_VERB_A_NOUN = /^[性型式化率]/;

// from dates.ts

export const ABSOLUTE_DATE =
  /(到|至|截至|截止|力争到|力争在|力争|计划到|预计到|在|于)?(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(底|末|年底|年末|上半年|下半年|第?[一二三四1-4]季度末?)?(以前|之前|前|内|止|完成)?/g;

export const FIVE_YEAR_PLAN = /(到|至)?[“"]?十([一二三四五])五[”"]?(期间|末|时期|期末|内)/g;

export const RELATIVE_YEAR = /(今年|本年度|本年|年内|全年|当年|明年|年底|年末)(底|末)?(以前|之前|前)?/g;

export const MONTH_ONLY = /(?<![\d.])(\d{1,2})月(底|末|中旬|上旬|下旬)?(以前|之前|前)?/g;

// from indicators.ts

/** Verbs a goal cell may open with that change nothing of the figure ("净增20家", "新增3个", "达到1.3%"). */
export const PLAIN_VERB_BEFORE = /^(净增|新增|新建|新认定|新培育|培育|认定|达到|达|实现|完成|增加)/;

export const NAME_NOISE = /^(其中[:：]?|[\d一二三四五六七八九十]{1,2}[.．、]|[（(]\d{1,2}[）)]|[①-⑳])|[*★☆▲△#]+$/g;

/** "三年累计新增…300家": a running total of additions ahead is a plan, not a report of what was achieved. */
export const PLANNED_RUNNING_TOTAL = /^累计(?:新增|新建|新培育|新认定|新引进|净增)/;

/** A clause that details the one before ("…新建研发平台10个，其中市级以上5个") shares its meaning (basis, yearly, regions). */
export const DETAIL_CLAUSE = /^[，,；;、]?其中/;

/**
 * Ends of a counted subject that name a specific thing even though they are not platform nouns (HEAD_NOUNS): measures
 * (拥有量, 面积), people (技术经纪人, 青年骨干), classes, rooms, contests. Used only to decide whether to doubt a subject.
 */
export const SPECIFIC_SUBJECT_END = /(?:量|面积|人|员|师|才|骨干|团队|班|室|房|站|赛|会|活动)$/;

// ——— Smaller patterns moved from inside the rules ———

/** "共部署了5个方面": a verb in the perfect right before a figure reports what was done. */
export const PERFECT_BEFORE_FIGURE = /了$/;

/** Words before a year that make it the baseline a target is measured from ("较2022年", "在2022年基础上"). */
export const BASELINE_YEAR_BEFORE = /(?:较|比|相比|相较于?|对比|同|在)$/;

/** "4个街道各建成1家": places counted as the scope of a figure that follows 各. */
export const PLACES_COUNTED = /^(?:街道|乡镇|镇街|镇|县|区|村|园区)/;

/** "列入本次督查的7项重点工作中，已完成2项": the figure names the set that is being divided. */
export const SET_BEING_DIVIDED = /^[\u4e00-\u9fa5]{0,8}中[，,]/;

/** "A和B分别超过90家和870家": the word that pairs a list of subjects with a list of figures. */
export const RESPECTIVELY = /分别(?:增长|提高|达到|达|为|超过|突破|新增|新建)?$/;

/** "争创国家级科技企业孵化器1家，实现零的突破": what may stand between a count of one and its 零的突破. */
export const COUNT_THEN_BREAKTHROUGH = /^[，,]?(?:力争|争取|努力)?(?:实现)?$/;

/** Words before a date that make it a due date (到2025年, 力争2023年). */
export const DUE_DATE_PREFIX = /^(到|至|力争到|力争在|力争|计划到|预计到)$/;

/** A content column headed 年度目标/目标任务/工作目标 states goals, even in a progress report. */
export const GOAL_COLUMN = /目标/;

/** What an indicator's name may end in after the thing it counts ("国家高新技术企业数"). */
export const MEASURE_SUFFIX = /(?:数量|总数|个数|家数|数)$/;
