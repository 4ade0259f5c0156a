/**
 * Chinese labels of the engine's codes: scoring methods, standard statuses, verdicts, reject
 * reasons and condition operators.
 */
import type { RejectCode, StandardStatus } from "@civitas/core";

export const METHOD_LABELS: Readonly<Record<string, string>> = {
  field: "实地考察",
  survey: "问卷调查",
  document: "材料审核",
  data: "数据指标",
};

export const STATUS_LABELS: Readonly<Record<StandardStatus, string>> = {
  scored: "已评分",
  missing: "缺少证据",
  insufficient: "证据不足",
  notApplicable: "不适用",
};

export const VERDICT_LABELS: Readonly<Record<string, string>> = {
  met: "达标",
  partial: "基本达标",
  unmet: "未达标",
};

export const REJECT_LABELS: Readonly<Record<RejectCode, string>> = {
  malformed_row: "行格式错误",
  missing_value: "缺少必填值",
  unknown_city: "未知城市",
  unknown_site: "未知点位",
  unknown_site_type: "未知点位类型",
  unknown_check: "未知问题代码",
  check_not_applicable: "问题不适用于该点位类型",
  unknown_standard: "未知测评标准",
  not_document_standard: "非材料审核标准",
  unknown_question: "未知题号",
  bad_verdict: "评定值无效",
  bad_count: "问题数量不是非负整数",
  bad_value: "数值无效",
  duplicate: "重复记录",
  unknown_appeal_target_kind: "申诉对象不明（同时填写标准与否决扣分项）",
  bad_decision: "复核结论无效",
  unknown_target: "申诉对象不存在或不是该城市的问题",
  survey_not_appealable: "问卷调查标准不受理申诉",
  decision_not_allowed: "该申诉对象不适用此复核结论",
  missing_revision: "改判缺少改判值",
  bad_revision: "改判值无效",
  reviewer_is_assessor: "复核人即该点位测评员",
  duplicate_appeal: "同一问题重复申诉",
};

export const OPERATOR_LABELS: Readonly<Record<string, string>> = {
  equal: "=",
  notEqual: "≠",
  lessThan: "<",
  lessThanInclusive: "≤",
  greaterThan: ">",
  greaterThanInclusive: "≥",
  in: "属于",
  notIn: "不属于",
  contains: "包含",
  doesNotContain: "不包含",
};

/** The label of a method, or the code itself. */
export const methodLabel = (method: string): string => METHOD_LABELS[method] ?? method;

/** The label of a reject code, or the code itself. */
export const rejectLabel = (code: string): string => (REJECT_LABELS as Readonly<Record<string, string>>)[code] ?? code;
