import {
  type ApplicationForm,
  type EligibilityResult,
  type EligibilityRule,
  eligibilityCheckLabels,
  labels,
  type QualificationKind,
  sixHavesItems,
  sixHavesLabels,
} from '@stip/contracts';

/** Everything the catalogue's checks read, gathered by the repository at the moment of the check. */
export interface EligibilityInputs {
  call: { regionPath: string; regionName: string };
  organization: { name: string; regionPath: string; regionName: string };
  qualifications: { kind: QualificationKind; validFrom: string; validTo: string | null; certificateNo: string | null }[];
  form: ApplicationForm['form'];
  /** Current platforms (not revoked, merged or deleted) of the application's type hosted by the applicant. */
  sameTypePlatforms: { id: string; name: string; status: string }[];
  materialCodes: string[];
}

type Outcome = Pick<EligibilityResult, 'outcome' | 'detail' | 'data'>;

/** One check of the catalogue: pure, so each rule is tested on its own. */
function runCheck(rule: EligibilityRule, inputs: EligibilityInputs, today: string): Outcome {
  switch (rule.code) {
    case 'host_in_region': {
      const inside = inputs.organization.regionPath.startsWith(inputs.call.regionPath);
      return {
        outcome: inside ? 'pass' : 'fail',
        detail: inside
          ? `依托单位位于${inputs.organization.regionName}，在${inputs.call.regionName}范围内`
          : `依托单位位于${inputs.organization.regionName}，不在${inputs.call.regionName}范围内`,
        data: { organizationRegion: inputs.organization.regionName, callRegion: inputs.call.regionName },
      };
    }
    case 'qualification': {
      const valid = inputs.qualifications.filter(
        (q) => rule.kinds.includes(q.kind) && q.validFrom <= today && (q.validTo === null || q.validTo >= today),
      );
      const wanted = rule.kinds.map((kind) => labels.qualificationKind[kind]).join('或');
      return {
        outcome: valid.length ? 'pass' : 'fail',
        detail: valid.length
          ? `持有有效的${valid.map((q) => labels.qualificationKind[q.kind]).join('、')}资质`
          : `未查到有效的${wanted}资质（以单位资质登记为准）`,
        data: {
          required: rule.kinds,
          found: inputs.qualifications.map((q) => ({
            kind: q.kind,
            validFrom: q.validFrom,
            validTo: q.validTo,
            certificateNo: q.certificateNo,
          })),
          checkedOn: today,
        },
      };
    }
    case 'rd_spend_min': {
      const spend = inputs.form.rdSpendLastYear;
      if (spend === undefined || spend === null) {
        return { outcome: 'fail', detail: '未填报上年度研发投入', data: { minAmount: rule.minAmount, rdSpendLastYear: null } };
      }
      const enough = spend >= rule.minAmount;
      return {
        outcome: enough ? 'pass' : 'fail',
        detail: `上年度研发投入${spend}万元，${enough ? '不低于' : '低于'}规定的${rule.minAmount}万元`,
        data: { minAmount: rule.minAmount, rdSpendLastYear: spend },
      };
    }
    case 'no_same_type_platform': {
      const found = inputs.sameTypePlatforms;
      return {
        outcome: found.length ? 'fail' : 'pass',
        detail: found.length ? `依托单位已有同类型平台：${found.map((p) => p.name).join('、')}` : '依托单位没有同类型的在册平台',
        data: { platforms: found },
      };
    }
    case 'six_haves_answered': {
      const answers = inputs.form.sixHaves ?? {};
      const unanswered = sixHavesItems.filter((item) => answers[item] === undefined || answers[item] === null);
      const negative = sixHavesItems.filter((item) => answers[item] === false);
      return {
        outcome: unanswered.length ? 'fail' : negative.length ? 'needs_judgement' : 'pass',
        detail: unanswered.length
          ? `“六有”尚有${unanswered.length}项未填报：${unanswered.map((i) => sixHavesLabels[i]).join('、')}`
          : negative.length
            ? `“六有”已逐项填报，其中${negative.map((i) => sixHavesLabels[i]).join('、')}填“否”，请审核人员判断`
            : '“六有”逐项填报，均为“是”',
        data: { answers },
      };
    }
    case 'construction_plan_attached': {
      const attached = inputs.materialCodes.includes('construction_plan');
      return {
        outcome: attached ? 'pass' : 'fail',
        detail: attached ? '已上传建设方案' : '未上传建设方案（材料代码 construction_plan）',
        data: { materialCodes: inputs.materialCodes },
      };
    }
  }
}

/** Runs the call's configured checks on the inputs, in the call's order. */
export function evaluateEligibility(rules: readonly EligibilityRule[], inputs: EligibilityInputs, today: string): EligibilityResult[] {
  return rules.map((rule) => ({ code: rule.code, label: eligibilityCheckLabels[rule.code], ...runCheck(rule, inputs, today) }));
}
