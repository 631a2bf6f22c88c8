package cn.huangpu.assessment.register;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.catalogue.RegisterSource;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.Workbooks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A unit's registers (公文备案登记) as the office keeps them: the figures they give with the documents behind them,
 * the rows, the void numbers, the template and the upload. The coordinator reads and writes; leaders read; units
 * and evaluators do not open the page (a unit sees its late documents and missing numbers on its score sheet).
 */
@Controller
class RegisterController {

    private final RegisterService registers;
    private final RegisterSpreadsheet spreadsheet;
    private final CampaignService campaigns;
    private final ReferenceData referenceData;
    private final CurrentUser user;

    RegisterController(RegisterService registers, RegisterSpreadsheet spreadsheet, CampaignService campaigns,
                       ReferenceData referenceData, CurrentUser user) {
        this.registers = registers;
        this.spreadsheet = spreadsheet;
        this.campaigns = campaigns;
        this.referenceData = referenceData;
        this.user = user;
    }

    @GetMapping("/app/registers/{campaignId}/{unitCode}")
    String page(@PathVariable Long campaignId, @PathVariable String unitCode,
                @RequestParam(defaultValue = RegisterSource.DOCUMENTS) String register, Model model) {
        requireReader();
        return render(campaignId, unitCode, find(campaignId, unitCode, register), model, List.of(), null);
    }

    @GetMapping("/app/registers/{campaignId}/{unitCode}/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable Long campaignId, @PathVariable String unitCode,
                                    @RequestParam(defaultValue = RegisterSource.DOCUMENTS) String register) {
        requireReader();
        Register found = find(campaignId, unitCode, register);
        CampaignInfo campaign = campaigns.get(campaignId);
        return Workbooks.download(spreadsheet.template(campaignId, unitCode, found),
                campaign.year() + "年度" + referenceData.unitName(unitCode) + found.label() + ".xlsx");
    }

    @PostMapping("/app/registers/{campaignId}/{unitCode}/upload")
    String upload(@PathVariable Long campaignId, @PathVariable String unitCode,
                  @RequestParam(defaultValue = RegisterSource.DOCUMENTS) String register,
                  @RequestParam("file") MultipartFile file, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) throws IOException {
        requireCoordinator();
        Register found = find(campaignId, unitCode, register);
        try (var in = file.getInputStream()) {
            if (file.getSize() > SelfCheckService.MAX_FILE_BYTES) {
                throw new BadInputException(RegisterSpreadsheet.TITLE, InputError.field("file", "文件过大，表格不超过10MB"));
            }
            int saved = spreadsheet.upload(campaignId, unitCode, found, in, user.id());
            redirect.addFlashAttribute("saved", "登记表已导入，共" + saved + "行，已替换原有登记。");
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, found, model, errors(e), null);
        }
        return redirect(campaignId, unitCode, found);
    }

    @PostMapping("/app/registers/{campaignId}/{unitCode}/rows")
    String addRow(@PathVariable Long campaignId, @PathVariable String unitCode, @RequestParam Map<String, String> form,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireCoordinator();
        Register found = find(campaignId, unitCode, form.getOrDefault("register", RegisterSource.DOCUMENTS));
        List<String> headers = found.headers();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            texts.add(form.getOrDefault("c" + c, ""));
        }
        return change(campaignId, unitCode, found, form, "已新增一行。", model, response, redirect, () -> {
            RegisterChecks.Checked checked = RegisterChecks.check(found, texts);
            if (!checked.problems().isEmpty()) {
                throw new BadInputException(RegisterService.TITLE, checked.problems().stream()
                        .map(p -> InputError.field("c" + p.column(), headers.get(p.column()), p.reason())).toList());
            }
            registers.add(campaignId, unitCode, found, checked.entry(), user.id());
        });
    }

    @PostMapping("/app/registers/{campaignId}/{unitCode}/rows/{rowId}/delete")
    String removeRow(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long rowId,
                     @RequestParam(defaultValue = RegisterSource.DOCUMENTS) String register, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        requireCoordinator();
        Register found = find(campaignId, unitCode, register);
        return change(campaignId, unitCode, found, null, "已删除一行。", model, response, redirect,
                () -> registers.remove(campaignId, unitCode, found, rowId, user.id()));
    }

    @PostMapping("/app/registers/{campaignId}/{unitCode}/void-numbers")
    String addVoid(@PathVariable Long campaignId, @PathVariable String unitCode, @RequestParam Map<String, String> form,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireCoordinator();
        Register found = find(campaignId, unitCode, form.getOrDefault("register", RegisterSource.DOCUMENTS));
        return change(campaignId, unitCode, found, form, "已登记作废号。", model, response, redirect,
                () -> registers.addVoid(campaignId, unitCode, found, form.get("number"), form.get("reason"), user.id()));
    }

    @PostMapping("/app/registers/{campaignId}/{unitCode}/void-numbers/{voidId}/delete")
    String removeVoid(@PathVariable Long campaignId, @PathVariable String unitCode, @PathVariable Long voidId,
                      @RequestParam(defaultValue = RegisterSource.DOCUMENTS) String register, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        requireCoordinator();
        Register found = find(campaignId, unitCode, register);
        return change(campaignId, unitCode, found, null, "已删除作废号。", model, response, redirect,
                () -> registers.removeVoid(campaignId, unitCode, found, voidId, user.id()));
    }

    /**
     * One change of the register from the page: done, it redirects with {@code saved}; refused, the page again with
     * 400, the reasons and what was typed.
     */
    private String change(Long campaignId, String unitCode, Register found, Map<String, String> typed, String saved,
                          Model model, HttpServletResponse response, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (BadInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(campaignId, unitCode, found, model, errors(e), typed);
        }
        redirect.addFlashAttribute("saved", saved);
        return redirect(campaignId, unitCode, found);
    }

    /** One figure as the page shows it: the input it feeds, its value or why it has none, and its lines. */
    record FigureView(String indicator, String label, String value, String problem, List<String> evidence) {
    }

    private String render(Long campaignId, String unitCode, Register register, Model model, List<InputError> errors,
                          Map<String, String> typed) {
        CampaignInfo campaign = campaigns.get(campaignId);
        RegisterFigures figures = registers.figures(campaignId, unitCode, register);
        List<FigureView> shown = new ArrayList<>();
        for (RegisterService.Binding binding : registers.bindings(campaignId, register)) {
            String indicator = binding.indicator().code() + " " + binding.indicator().name();
            if (figures == null) {
                shown.add(new FigureView(indicator, binding.input().label(), null, "尚未登记", List.of()));
                continue;
            }
            RegisterFacts.Derived derived = RegisterFacts.derive(binding.input(), figures);
            shown.add(new FigureView(indicator, binding.input().label(),
                    derived.value() == null ? null : RegisterFacts.shown(binding.input(), derived.value()),
                    derived.problem(), derived.evidence()));
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("unitName", referenceData.unitName(unitCode));
        model.addAttribute("register", register);
        model.addAttribute("registers", registers.registers(campaignId));
        model.addAttribute("headers", register.headers());
        model.addAttribute("figures", shown);
        model.addAttribute("rows", registers.rows(campaignId, unitCode, register));
        model.addAttribute("voids", registers.voidNumbers(campaignId, unitCode, register));
        model.addAttribute("disclosures", Disclosure.values());
        model.addAttribute("editable", user.isCoordinator() && !campaign.isFrozen());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        return "register";
    }

    private Register find(Long campaignId, String unitCode, String register) {
        campaigns.get(campaignId);
        campaigns.unit(campaignId, unitCode);
        return registers.register(campaignId, register);
    }

    private static List<InputError> errors(BadInputException e) {
        List<InputError> all = new ArrayList<>();
        if (!e.title().equals(RegisterService.TITLE) && !e.title().equals(RegisterSpreadsheet.TITLE)) {
            all.add(InputError.field(null, e.title()));
        }
        all.addAll(e.errors());
        return all;
    }

    private static String redirect(Long campaignId, String unitCode, Register register) {
        return "redirect:/app/registers/" + campaignId + "/" + unitCode
                + (register == Register.DOCUMENTS ? "" : "?register=" + register.code());
    }

    private void requireReader() {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied("登记由区政府办公室管理");
        }
    }

    private void requireCoordinator() {
        if (!user.isCoordinator()) {
            throw new AccessDenied("登记由区政府办公室管理");
        }
    }
}
