package cn.huangpu.assessment.feedback;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.evaluation.FormValues;
import cn.huangpu.assessment.feedback.internal.FeedbackStore;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.selfcheck.SelfCheckService.NewFile;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The feedback window's pages (意见反馈与复核): the summary for the office and the leaders; a unit's page with its
 * preliminary sheet, its objections (the unit writes them while the window is open) and the office's rulings (the
 * coordinator accepts or rejects, and asks evaluators for opinions); an evaluator's page with the objections on its
 * indicators and the opinions asked of it. Another unit's or evaluator's page answers as one that does not exist.
 */
@Controller
class FeedbackController {

    private final FeedbackService feedback;
    private final CampaignService campaigns;
    private final EvaluationService evaluation;
    private final ReferenceData referenceData;
    private final CurrentUser user;
    private final Clock clock;

    FeedbackController(FeedbackService feedback, CampaignService campaigns, EvaluationService evaluation,
                       ReferenceData referenceData, CurrentUser user, Clock clock) {
        this.feedback = feedback;
        this.campaigns = campaigns;
        this.evaluation = evaluation;
        this.referenceData = referenceData;
        this.user = user;
        this.clock = clock;
    }

    // ---- summary

    @GetMapping("/app/feedback/{campaignId}")
    String summary(@PathVariable Long campaignId, Model model) {
        requireOffice("意见反馈汇总仅区政府办公室和区领导可查看");
        CampaignInfo campaign = campaigns.get(campaignId);
        FeedbackService.Summary summary = feedback.summary(campaignId).orElse(null);
        model.addAttribute("campaign", campaign);
        model.addAttribute("rules", feedback.rules(campaignId));
        model.addAttribute("rulesText", FeedbackService.describe(feedback.rules(campaignId)));
        model.addAttribute("summary", summary);
        model.addAttribute("groups", summary == null ? List.of()
                : referenceData.unitOrder().grouped(summary.units().values(), FeedbackService.UnitLine::unitCode));
        model.addAttribute("unitNames", referenceData.unitNames());
        model.addAttribute("coordinator", user.isCoordinator());
        model.addAttribute("editable", user.isCoordinator() && !campaign.isFrozen());
        return "feedback-summary";
    }

    /** The coordinator sets the campaign's rules of the window (they apply to the next window that opens). */
    @PostMapping("/app/feedback/{campaignId}/rules")
    String setRules(@PathVariable Long campaignId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        requireCoordinator("意见反馈的设置由区政府办公室办理");
        Integer days;
        try {
            days = form.get("days") == null || form.get("days").isBlank() ? null : Integer.valueOf(form.get("days").strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("意见反馈设置有误", InputError.field("days", "反馈期限", "反馈期限须为整数天数"));
        }
        FeedbackRules rules = feedback.setRules(campaignId, days, form.get("counted"),
                "true".equals(form.get("reopenAfterSendBack")), "true".equals(form.get("rulingsPublic")), user.id());
        redirect.addFlashAttribute("saved", "已保存：" + FeedbackService.describe(rules) + "。");
        return "redirect:/app/feedback/" + campaignId;
    }

    // ---- a unit's page

    @GetMapping("/app/feedback/{campaignId}/{unitCode}")
    String unit(@PathVariable Long campaignId, @PathVariable String unitCode, Model model) {
        user.requireUnit(unitCode, true, "意见反馈页面仅本单位、区政府办公室和区领导可查看");
        return render(campaignId, unitCode, model, List.of(), null, null);
    }

    /** The unit saves an objection's draft, with any files chosen (one multipart form: nothing typed is lost). */
    @PostMapping("/app/feedback/{campaignId}/{unitCode}/objections")
    String saveObjection(@PathVariable Long campaignId, @PathVariable String unitCode,
                         @RequestParam Map<String, String> form, @RequestParam(required = false) List<MultipartFile> file,
                         Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        requireUnitStaff(unitCode, "复核申请由本单位提交");
        List<NewFile> files = new ArrayList<>();
        for (MultipartFile part : file == null ? List.<MultipartFile>of() : file) {
            // a file field left empty arrives as a part without a name
            if (part.getOriginalFilename() != null && !part.getOriginalFilename().isBlank()) {
                files.add(new NewFile(form.get("indicatorCode"), part.getOriginalFilename(), part.getContentType(),
                        part.getBytes()));
            }
        }
        FeedbackService.ObjectionDraft draft = new FeedbackService.ObjectionDraft(id(form.get("id")),
                form.get("indicatorCode"), form.get("reason"), form.get("evidenceLinks"), id(form.get("version")));
        try {
            feedback.saveObjection(campaignId, unitCode, draft, files, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors(), draft, "复核申请未保存（附件也未上传），请修改以下内容后再保存：");
        } catch (EditConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(campaignId, unitCode, model, e.conflicts(), draft, EditConflictException.TITLE);
        }
        redirect.addFlashAttribute("saved", "复核申请已保存（指标 " + draft.indicatorCode() + "）"
                + (files.isEmpty() ? "" : "，附件已上传：" + files.stream().map(NewFile::fileName)
                .collect(Collectors.joining("、"))) + "。请在待办任务中选择“申请复核”并办理完成，才算提交。");
        return "redirect:" + FeedbackService.page(campaignId, unitCode);
    }

    @PostMapping("/app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/delete")
    String deleteObjection(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable long objectionId,
                           RedirectAttributes redirect) {
        requireUnitStaff(unitCode, "复核申请由本单位提交");
        feedback.deleteObjection(campaignId, unitCode, objectionId, user.id());
        redirect.addFlashAttribute("saved", "已删除该复核申请。");
        return "redirect:" + FeedbackService.page(campaignId, unitCode);
    }

    @PostMapping("/app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/files/{attachmentId}/delete")
    String deleteFile(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable long objectionId,
                      @PathVariable long attachmentId, RedirectAttributes redirect) {
        requireUnitStaff(unitCode, "复核申请由本单位提交");
        feedback.deleteFile(campaignId, unitCode, objectionId, attachmentId, user.id());
        redirect.addFlashAttribute("saved", "已删除附件。");
        return "redirect:" + FeedbackService.page(campaignId, unitCode);
    }

    @GetMapping("/app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/files/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable Long campaignId, @PathVariable String unitCode,
                                    @PathVariable long objectionId, @PathVariable long attachmentId) {
        user.requireUnit(unitCode, true, "意见反馈页面仅本单位、区政府办公室和区领导可查看");
        FeedbackStore.StoredFile stored = feedback.file(campaignId, unitCode, objectionId, attachmentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(stored.content());
    }

    // ---- rulings (the coordinator)

    /**
     * Accepts an objection with the changed inputs of its indicator ({@code v[indicator/input]}, a judgement's reason
     * {@code jr[…]}, the loaded version {@code ver[…]}) and the ruling's reason; only inputs that differ from what is
     * stored are changed.
     */
    @PostMapping("/app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/accept")
    String accept(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable long objectionId,
                  @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        requireRuler(unitCode);
        Objection objection = objectionOf(campaignId, unitCode, objectionId);
        List<FactEntry> changes = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        Map<String, EvaluationService.StoredValue> stored = evaluation.values(campaignId, unitCode);
        Indicator indicator = feedback.catalogue(campaignId).indicator(objection.indicatorCode()).orElseThrow();
        for (Input input : changeable(indicator)) {
            String key = indicator.code() + "/" + input.name();
            if (!form.containsKey("v[" + key + "]")) {
                continue;
            }
            try {
                var value = FormValues.toJson(input, form.get("v[" + key + "]"), form.get("jr[" + key + "]"));
                String before = stored.containsKey(key) ? stored.get(key).fact().valueJson() : null;
                String after = value == null ? null : value.toString();
                if (before == null ? after != null : !before.equals(after)) {
                    changes.add(new FactEntry(unitCode, indicator.code(), input.name(), value, null,
                            FormValues.version(form.get("ver[" + key + "]"))));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new InputError(indicator.code(), input.name(), input.label(), e.getMessage()));
            }
        }
        try {
            if (!errors.isEmpty()) {
                throw new BadInputException("未采纳", errors);
            }
            feedback.accept(campaignId, unitCode, objectionId, changes, form.get("rulingReason"), user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors(), null, "未采纳，请修改以下内容：");
        } catch (EditConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(campaignId, unitCode, model, e.conflicts(), null, EditConflictException.TITLE);
        }
        redirect.addFlashAttribute("saved", "已采纳指标 " + objection.indicatorCode() + " 的复核申请，已重新计分并通知该单位。");
        return "redirect:" + FeedbackService.page(campaignId, unitCode);
    }

    @PostMapping("/app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/reject")
    String reject(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable long objectionId,
                  @RequestParam(required = false) String rulingReason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        requireRuler(unitCode);
        Objection objection = objectionOf(campaignId, unitCode, objectionId);
        try {
            feedback.reject(campaignId, unitCode, objectionId, rulingReason, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors(), null, "未驳回，请修改以下内容：");
        } catch (EditConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(campaignId, unitCode, model, e.conflicts(), null, EditConflictException.TITLE);
        }
        redirect.addFlashAttribute("saved", "已驳回指标 " + objection.indicatorCode() + " 的复核申请，并通知该单位。");
        return "redirect:" + FeedbackService.page(campaignId, unitCode);
    }

    @PostMapping("/app/feedback/{campaignId}/{unitCode}/objections/{objectionId}/opinions")
    String requestOpinion(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable long objectionId,
                          @RequestParam(required = false) String evaluatorCode,
                          @RequestParam(required = false) String question, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        requireRuler(unitCode);
        try {
            feedback.requestOpinion(campaignId, unitCode, objectionId, evaluatorCode, question, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, model, e.errors(), null, "未征求意见，请修改以下内容：");
        }
        redirect.addFlashAttribute("saved", "已向" + referenceData.evaluatorName(evaluatorCode.strip()) + "征求意见。");
        return "redirect:" + FeedbackService.page(campaignId, unitCode);
    }

    // ---- an evaluator's page

    @GetMapping("/app/feedback/{campaignId}/evaluators/{evaluatorCode}")
    String evaluator(@PathVariable Long campaignId, @PathVariable String evaluatorCode, Model model) {
        user.requireEvaluator(evaluatorCode, true, "该页面仅本专项评估单位、区政府办公室和区领导可查看");
        return renderEvaluator(campaignId, evaluatorCode, model, List.of());
    }

    @PostMapping("/app/feedback/{campaignId}/evaluators/{evaluatorCode}/opinions/{opinionId}")
    String giveOpinion(@PathVariable Long campaignId, @PathVariable String evaluatorCode, @PathVariable long opinionId,
                       @RequestParam(required = false) String opinion, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        user.requireEvaluator(evaluatorCode, false, "意见由被征求意见的专项评估单位提出");
        try {
            feedback.giveOpinion(campaignId, evaluatorCode, opinionId, opinion, user.id());
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return renderEvaluator(campaignId, evaluatorCode, model, e.errors());
        }
        redirect.addFlashAttribute("saved", "意见已提交。");
        return "redirect:/app/feedback/" + campaignId + "/evaluators/" + evaluatorCode;
    }

    private String renderEvaluator(Long campaignId, String evaluatorCode, Model model, List<InputError> errors) {
        model.addAttribute("campaign", campaigns.get(campaignId));
        model.addAttribute("evaluatorCode", evaluatorCode);
        model.addAttribute("evaluatorName", referenceData.evaluatorName(evaluatorCode));
        model.addAttribute("objections", feedback.forEvaluator(campaignId, evaluatorCode));
        model.addAttribute("indicatorNames", indicatorNames(feedback.catalogue(campaignId)));
        model.addAttribute("unitNames", referenceData.unitNames());
        model.addAttribute("mayAnswer", user.isEvaluator(evaluatorCode));
        model.addAttribute("errors", errors);
        return "feedback-evaluator";
    }

    // ---- rendering

    /**
     * @param typed       the objection the unit typed, shown again after a refusal (null: nothing typed)
     * @param errorTitle  the heading above {@code errors}
     */
    private String render(Long campaignId, String unitCode, Model model, List<InputError> errors,
                          FeedbackService.ObjectionDraft typed, String errorTitle) {
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        Catalogue catalogue = feedback.catalogue(campaignId);
        FeedbackWindow window = feedback.current(campaignId).orElse(null);
        UnitAnswer answer = feedback.answer(campaignId, unitCode).orElse(null);
        boolean answering = window != null && window.openAt(clock.instant()) && answer != null
                && answer.status() == UnitAnswer.Status.PENDING && !campaign.isFrozen();
        List<Objection> objections = feedback.objections(campaignId, unitCode);
        model.addAttribute("campaign", campaign);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        model.addAttribute("window", window);
        model.addAttribute("answer", answer);
        model.addAttribute("sheet", window == null ? null : feedback.preliminarySheet(campaignId, window, unitCode).orElse(null));
        model.addAttribute("findings", List.of());
        model.addAttribute("notes", feedback.sheetNotes(campaignId, unitCode, false));
        model.addAttribute("objections", objections);
        model.addAttribute("catalogue", catalogue);
        model.addAttribute("indicatorNames", indicatorNames(catalogue));
        model.addAttribute("mayObject", answering && user.isUnit(unitCode));
        model.addAttribute("mayRule", user.isCoordinator() && !campaign.isFrozen());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("errorTitle", errorTitle);
        model.addAttribute("fileAccept", SelfCheckService.FILE_TYPES.stream().sorted().map(type -> "." + type)
                .collect(Collectors.joining(",")));
        model.addAttribute("maxFileBytes", SelfCheckService.MAX_FILE_BYTES);
        model.addAttribute("evaluatorNames", referenceData.evaluatorNames());
        if (user.isCoordinator()) {
            Map<String, List<Input>> inputs = new LinkedHashMap<>();
            Map<String, List<String>> evaluators = new HashMap<>();
            for (Objection o : objections) {
                catalogue.indicator(o.indicatorCode()).ifPresent(i -> inputs.put(i.code(), changeable(i)));
                evaluators.put(o.indicatorCode(), new ArrayList<>(feedback.evaluatorsOf(campaignId, o.indicatorCode())));
            }
            Map<String, String> values = new HashMap<>();
            evaluation.values(campaignId, unitCode).forEach((key, value) -> {
                values.put("v[" + key + "]", FormValues.display(value.fact().valueJson(), value.parsed()));
                if (value.parsed() != null && value.parsed().isObject()) {
                    values.put("jr[" + key + "]", value.parsed().path("reason").asText());
                }
                values.put("ver[" + key + "]", String.valueOf(value.fact().version()));
            });
            model.addAttribute("inputs", inputs);
            model.addAttribute("values", values);
            model.addAttribute("opinionEvaluators", evaluators);
        }
        return "feedback-unit";
    }

    private static Map<String, String> indicatorNames(Catalogue catalogue) {
        Map<String, String> names = new HashMap<>();
        catalogue.indicators().forEach(i -> names.put(i.code(), i.name()));
        return names;
    }

    /** The inputs people enter for the indicator, which an acceptance may change (a finding's count is not one). */
    private static List<Input> changeable(Indicator indicator) {
        List<Input> findingFed = indicator.findingInputs();
        return indicator.inputs().stream().filter(in -> !findingFed.contains(in)).toList();
    }

    private Objection objectionOf(Long campaignId, String unitCode, long objectionId) {
        return feedback.objections(campaignId, unitCode).stream().filter(o -> o.id() == objectionId).findFirst()
                .orElseThrow(() -> new NotFoundException("objection " + objectionId + " of " + unitCode));
    }

    private static Long id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("复核申请有误", InputError.field("id", "复核申请", "编号无效"));
        }
    }

    private void requireOffice(String refusal) {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied(refusal);
        }
    }

    private void requireCoordinator(String refusal) {
        if (!user.isCoordinator()) {
            throw new AccessDenied(refusal);
        }
    }

    /** The unit's own staff only; another unit's staff get 404, as for a unit that does not exist. */
    private void requireUnitStaff(String unitCode, String refusal) {
        user.requireUnit(unitCode, false, refusal);
    }

    /** The coordinator only: another unit's staff get 404 as everywhere; everyone else (evaluators too) 403. */
    private void requireRuler(String unitCode) {
        if (user.isCoordinator()) {
            return;
        }
        if (!user.unitCodes().isEmpty() && !user.isUnit(unitCode)) {
            throw new NotFoundException("unit " + unitCode + " is not the caller's");
        }
        throw new AccessDenied("复核由区政府办公室办理");
    }
}
