package cn.huangpu.assessment.audit;

import static cn.huangpu.assessment.audit.AuditSubject.CAMPAIGN;
import static cn.huangpu.assessment.audit.AuditSubject.EVALUATOR;
import static cn.huangpu.assessment.audit.AuditSubject.FEEDBACK;
import static cn.huangpu.assessment.audit.AuditSubject.FINDING;
import static cn.huangpu.assessment.audit.AuditSubject.OBJECTION;
import static cn.huangpu.assessment.audit.AuditSubject.LINK_CHECK;
import static cn.huangpu.assessment.audit.AuditSubject.RECTIFICATION;
import static cn.huangpu.assessment.audit.AuditSubject.RECTIFICATION_DUE;
import static cn.huangpu.assessment.audit.AuditSubject.NOT_INVOLVED;
import static cn.huangpu.assessment.audit.AuditSubject.REGISTER;
import static cn.huangpu.assessment.audit.AuditSubject.SCORE;
import static cn.huangpu.assessment.audit.AuditSubject.UNIT;
import static cn.huangpu.assessment.audit.AuditSubject.UNIT_FACT;

import cn.huangpu.assessment.audit.internal.AuditEntry;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.directory.ReferenceData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Words the trail in Chinese, the one place that does: what each kind of subject and each action is called,
 * which unit and indicator an entry is about, and each value as the pages show it (是/否, percentages, option
 * labels, status labels, scores with their grade, times as yyyy-MM-dd HH:mm in the office's zone). An entry of
 * a shape it does not know is shown as recorded, never dropped.
 */
@Component
class AuditDescriber {

    /** The actor of what the application does by itself (scoring, publication). */
    static final String SYSTEM = "system";
    static final String SYSTEM_NAME = "系统（自动）";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Deadlines were recorded as the campaign pages wrote them, e.g. 2026年11月20日 23:59. */
    private static final Pattern CHINESE_DAY = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern SCORE_ROUND = Pattern.compile("SCORE_ROUND_(\\d+)");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ReferenceData referenceData;
    private final Catalogues catalogues;
    private final ObjectMapper json;

    AuditDescriber(ReferenceData referenceData, Catalogues catalogues, ObjectMapper json) {
        this.referenceData = referenceData;
        this.catalogues = catalogues;
        this.json = json;
    }

    /** The wording of one campaign's trail: names are read once, for a page or a whole export. */
    Wording wording(AuditScope scope) {
        return new Wording(scope, catalogues.forYear(scope.catalogueYear()), referenceData.unitNames(),
                referenceData.evaluatorNames());
    }

    /** What an entry changed, in words; {@code null} values are left empty. */
    private record Change(String object, String action, String before, String after) {
    }

    final class Wording {

        private final AuditScope scope;
        private final Optional<Catalogue> catalogue;
        private final Map<String, String> unitNames;
        private final Map<String, String> evaluatorNames;
        private final DateTimeFormatter minute;

        private Wording(AuditScope scope, Optional<Catalogue> catalogue, Map<String, String> unitNames,
                        Map<String, String> evaluatorNames) {
            this.scope = scope;
            this.catalogue = catalogue;
            this.unitNames = unitNames;
            this.evaluatorNames = evaluatorNames;
            this.minute = MINUTE.withZone(scope.zone());
        }

        AuditRow describe(AuditEntry entry) {
            AuditSubject subject = AuditSubject.parse(entry.getSubject());
            Change change = change(subject, entry);
            if (change == null) {
                change = new Change(entry.getSubject(), entry.getAction(), entry.getBeforeValue(), entry.getAfterValue());
            }
            String who = subject.isAboutUnit() ? unit(subject.code())
                    : EVALUATOR.equals(subject.kind()) && subject.code() != null ? evaluator(subject.code()) : null;
            return new AuditRow(time(entry.getAt()), actor(entry.getActor()), who,
                    subject.indicator() == null ? null : indicator(subject.indicator()), change.object(), change.action(),
                    change.before(), change.after(), entry.getReason());
        }

        /** A unit's Chinese name (its code if it has none). */
        String unit(String code) {
            return unitNames.getOrDefault(code, code);
        }

        String evaluator(String code) {
            return evaluatorNames.getOrDefault(code, code);
        }

        /** An indicator's code and name, e.g. "1.4 财政预决算". */
        String indicator(String code) {
            return catalogue.flatMap(c -> c.indicator(code)).map(i -> i.code() + " " + i.name()).orElse(code);
        }

        String actor(String actor) {
            return SYSTEM.equals(actor) ? SYSTEM_NAME : actor;
        }

        String time(Instant at) {
            return at == null ? null : minute.format(at);
        }

        /** The filters in words, for the export's notes. */
        List<String> describe(AuditFilter filter) {
            List<String> lines = new ArrayList<>();
            if (filter.unit() != null) {
                lines.add("单位：" + unit(filter.unit()));
            }
            if (filter.indicator() != null) {
                lines.add("指标：" + indicator(filter.indicator()));
            }
            if (filter.actor() != null) {
                lines.add("操作人：" + actor(filter.actor()));
            }
            if (filter.from() != null || filter.to() != null) {
                lines.add("日期：" + (filter.from() == null ? "" : filter.from() + " 起") + (filter.to() == null ? "" : " 至 " + filter.to()));
            }
            return lines;
        }

        private Change change(AuditSubject subject, AuditEntry entry) {
            String action = entry.getAction();
            String before = entry.getBeforeValue();
            String after = entry.getAfterValue();
            return switch (subject.kind()) {
                case CAMPAIGN -> switch (action) {
                    case "OPEN" -> new Change("考评", "发起", null, minutes(after));
                    case "APPROVE" -> results("审定", before, after);
                    case "PUBLISH" -> results("公布", before, after);
                    case "REOPEN" -> results("重新打开", before, after);
                    case "SEND_BACK" -> results("退回", before, after);
                    case "FEEDBACK_OPEN" -> new Change("意见反馈", "开放", null, minutes(after) + " 截止");
                    case "FEEDBACK_SKIPPED" -> new Change("意见反馈", "不开放", null, null);
                    case "FEEDBACK_CONCLUDED" -> new Change("意见反馈", "办结", null, null);
                    case "SET_FEEDBACK_RULES" -> new Change("意见反馈设置", "修改", before, after);
                    default -> null;
                };
                case FEEDBACK -> switch (action) {
                    case "NO_OBJECTION" -> new Change("评估结果确认", "无异议", null, after);
                    case "OBJECT" -> new Change("评估结果确认", "申请复核", null, after);
                    case "DEEMED" -> new Change("评估结果确认", "逾期未反馈", null, after);
                    default -> null;
                };
                case OBJECTION -> switch (action) {
                    case "DRAFT" -> new Change("复核申请", "填写", null, after);
                    case "DRAFT_CHANGE" -> new Change("复核申请", "修改", before, after);
                    case "DRAFT_DELETE" -> new Change("复核申请", "删除", before, null);
                    case "ATTACH" -> new Change("复核申请：附件", "上传", null, after);
                    case "DETACH" -> new Change("复核申请：附件", "删除", before, null);
                    case "ACCEPT" -> new Change("复核申请", "采纳（重新计分）", before, after);
                    case "REJECT" -> new Change("复核申请", "驳回", before, after);
                    case "REQUEST_OPINION" -> new Change("复核申请：征求意见", "征求", null, after);
                    case "OPINION" -> new Change("复核申请：专项评估单位意见", "提出", null, after);
                    default -> null;
                };
                case UNIT -> subject.rest() == null ? switch (action) {
                    case "SELF_CHECK_SUBMITTED" -> new Change("自查", "提交", null, scope.status("unit", "SUBMITTED"));
                    case "VERIFIED" -> new Change("网上核查", "核查", null, scope.status("unit", "VERIFIED"));
                    case "CLOSED_NOT_SUBMITTED" -> new Change("自查", "关闭", null, scope.status("unit", "CLOSED"));
                    default -> null;
                } : deadline(subject, "self_check_due", "自查截止时间", action, before, after);
                case EVALUATOR -> subject.rest() == null ? switch (action) {
                    case "DELIVERED" -> new Change("专项评估结果", "提交", null, scope.status("evaluator", "DELIVERED"));
                    case "CLOSED_NOT_SUBMITTED" -> new Change("专项评估结果", "关闭", null, scope.status("evaluator", "CLOSED"));
                    default -> null;
                } : deadline(subject, "specialist_due", "专项评估截止时间", action, before, after);
                case FINDING -> {
                    String object = "核查发现" + (subject.rest() == null ? ""
                            : "：" + input(subject.indicator(), subject.rest()).map(Input::label).orElse(subject.rest()));
                    yield switch (action) {
                        case "ADD" -> new Change(object, "新增", before, after);
                        case "REMOVE" -> new Change(object, "删除", before, after);
                        default -> null;
                    };
                }
                case LINK_CHECK -> "REJECT_PROPOSAL".equals(action)
                        ? new Change("链接检查建议" + (subject.rest() == null ? "" : "：" + subject.rest()), "驳回", before, after)
                        : null;
                case UNIT_FACT -> fact(subject, action, before, after);
                case SCORE -> {
                    Matcher round = SCORE_ROUND.matcher(action);
                    yield round.matches() ? new Change("得分和等次", "第" + round.group(1) + "轮评分", score(before), score(after)) : null;
                }
                case REGISTER -> {
                    String object = "consultations".equals(subject.rest()) ? "意见征集反馈登记" : "公文备案登记";
                    yield switch (action) {
                        case "IMPORT" -> new Change(object, "导入（替换）", before, after);
                        case "ADD_ROW" -> new Change(object, "新增一行", before, after);
                        case "REMOVE_ROW" -> new Change(object, "删除一行", before, after);
                        case "ADD_VOID" -> new Change(object + "：作废号", "新增", before, after);
                        case "REMOVE_VOID" -> new Change(object + "：作废号", "删除", before, after);
                        default -> null;
                    };
                }
                case RECTIFICATION -> rectification(action, before, after);
                case RECTIFICATION_DUE -> "EXTEND".equals(action)
                        ? new Change("整改截止时间", "延期", minutes(before), minutes(after)) : null;
                case NOT_INVOLVED -> switch (action) {
                    case "REQUEST" -> new Change("“不涉及”申报", "单位申请更改", before, after);
                    case "GRANT" -> new Change("“不涉及”申报", "认定不涉及", before, after);
                    case "GRANT_REQUEST" -> new Change("“不涉及”更改申请", "同意", before, after);
                    case "REFUSE_REQUEST" -> new Change("“不涉及”更改申请", "不同意", before, after);
                    case "REVOKE" -> new Change("“不涉及”认定", "撤销", before, after);
                    default -> null;
                };
                default -> null;
            };
        }

        /** A unit's rectification list and its items (rectification/). */
        private Change rectification(String action, String before, String after) {
            return switch (action) {
                case "GENERATE" -> new Change("整改清单", "生成", before, after);
                case "REPORT" -> new Change("整改项", "填报整改情况", before, after);
                case "ATTACH" -> new Change("整改项：附件", "上传", before, after);
                case "HAND_IN" -> new Change("整改项", "报送", before, after);
                case "ACCEPT" -> new Change("整改复核", "通过", before, after);
                case "SEND_BACK" -> new Change("整改复核", "退回", before, after);
                case "CLOSE_UNFIXED" -> new Change("整改项", "按未整改关闭", before, after);
                case "ADD" -> new Change("整改项（问题通报）", "新增", before, after);
                case "REMOVE" -> new Change("整改项", "删除", before, after);
                case "FINISH" -> new Change("整改", "完成", before, after);
                default -> null;
            };
        }

        private Change results(String action, String before, String after) {
            return new Change("考核结果", action, scope.status("campaign", before), scope.status("campaign", after));
        }

        private Change deadline(AuditSubject subject, String which, String object, String action, String before, String after) {
            return which.equals(subject.rest()) && "EXTEND".equals(action)
                    ? new Change(object, "延期", minutes(before), minutes(after)) : null;
        }

        /** A value entered by an evaluator (专项评估) or by the office in the comprehensive evaluation (综合评估). */
        private Change fact(AuditSubject subject, String action, String before, String after) {
            String verb = switch (action) {
                case "SET" -> "新增";
                case "CHANGE" -> "修改";
                case "CLEAR" -> "删除";
                case "SCORE_AS_MISSING" -> "按缺失计分";
                case "WITHDRAW_MISSING" -> "撤销按缺失计分";
                default -> null;
            };
            if (verb == null) {
                return null;
            }
            Optional<Input> input = input(subject.indicator(), subject.rest());
            String stage = input.map(i -> Catalogue.OFFICE.equals(i.by()) ? "综合评估" : "专项评估结果").orElse("评估结果");
            String label = input.map(Input::label).orElse(subject.rest());
            return new Change(stage + (label == null ? "" : "：" + label), verb, value(input, before), value(input, after));
        }

        private Optional<Input> input(String indicator, String input) {
            if (indicator == null || input == null) {
                return Optional.empty();
            }
            return catalogue.flatMap(c -> c.indicator(indicator)).flatMap(i -> i.input(input));
        }

        /** A fact's JSON as the pages show it: 是/否, 85%, an option's label, "3分（理由：…）". */
        private String value(Optional<Input> input, String value) {
            if (value == null) {
                return null;
            }
            JsonNode node;
            try {
                node = json.readTree(value);
            } catch (JsonProcessingException e) {
                return value;
            }
            if (input.isEmpty()) {
                return plain(node);
            }
            Input in = input.get();
            return switch (in.type()) {
                case RATE -> node.isNumber() ? number(node.decimalValue().multiply(HUNDRED)) + "%" : plain(node);
                case CHOICE -> in.options().stream().filter(o -> o.code().equals(node.asText())).map(Input.Option::label)
                        .findFirst().orElse(plain(node));
                case JUDGEMENT -> node.isObject() && node.path("score").isNumber()
                        ? number(node.path("score").decimalValue()) + "分"
                                + (node.path("reason").asText("").isBlank() ? "" : "（理由：" + node.path("reason").asText().strip() + "）")
                        : plain(node);
                default -> plain(node);
            };
        }

        /** Any JSON in words: booleans 是/否, numbers without trailing zeros, objects as "名：值；…". */
        private String plain(JsonNode node) {
            if (node.isBoolean()) {
                return node.booleanValue() ? "是" : "否";
            }
            if (node.isNumber()) {
                return number(node.decimalValue());
            }
            if (node.isNull()) {
                return "";
            }
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(plain(item)));
                return String.join("、", items);
            }
            if (node.isObject()) {
                List<String> fields = new ArrayList<>();
                node.fields().forEachRemaining(field -> fields.add(field.getKey() + "：" + plain(field.getValue())));
                return String.join("；", fields);
            }
            return node.asText();
        }

        /** "95.5 优秀" as recorded by scoring: "95.5分，优秀". */
        private String score(String value) {
            if (value == null) {
                return null;
            }
            String[] parts = value.strip().split(" ", 2);
            try {
                return number(new BigDecimal(parts[0])) + "分" + (parts.length > 1 ? "，" + parts[1] : "");
            } catch (NumberFormatException e) {
                return value;
            }
        }

        /** Recorded deadlines in the trail's format: 2026年11月20日 23:59 becomes 2026-11-20 23:59. */
        private String minutes(String text) {
            if (text == null) {
                return null;
            }
            Matcher day = CHINESE_DAY.matcher(text);
            StringBuilder out = new StringBuilder();
            while (day.find()) {
                day.appendReplacement(out, String.format("%s-%02d-%02d", day.group(1), Integer.parseInt(day.group(2)),
                        Integer.parseInt(day.group(3))));
            }
            day.appendTail(out);
            return out.toString();
        }
    }

    private static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
