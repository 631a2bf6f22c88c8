package cn.huangpu.assessment.audit;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.Workbooks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail of a campaign (审计记录), for the coordinator only: filtered by unit, indicator, actor and
 * days, fifty entries a page, and the same selection as a spreadsheet. Filters that cannot be read are
 * answered with the page, status 400 and the reasons, so that they can be corrected where they were typed.
 */
@Controller
class AuditController {

    private final AuditScopes scopes;
    private final AuditTrail trail;
    private final AuditDescriber describer;
    private final Catalogues catalogues;
    private final ReferenceData referenceData;
    private final CurrentUser user;

    AuditController(AuditScopes scopes, AuditTrail trail, AuditDescriber describer, Catalogues catalogues,
                    ReferenceData referenceData, CurrentUser user) {
        this.scopes = scopes;
        this.trail = trail;
        this.describer = describer;
        this.catalogues = catalogues;
        this.referenceData = referenceData;
        this.user = user;
    }

    /** A choice of a filter's list: the value sent and what is shown. */
    record Choice(String value, String label) {
    }

    /** A link of the pager; {@code href} is null for the current page and for steps that lead nowhere. */
    record PageLink(String label, String href, boolean current) {
    }

    @GetMapping("/app/campaigns/{campaignId}/audit")
    String page(@PathVariable Long campaignId, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String indicator, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String page, Model model, HttpServletResponse response) {
        Form form = form(campaignId, unit, indicator, actor, from, to, model);
        if (form.filter() == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit";
        }
        try {
            AuditTrail.Page result = trail.page(form.scope(), form.filter(), AuditFilter.page(page));
            model.addAttribute("rows", result.rows());
            model.addAttribute("result", result);
            model.addAttribute("pager", pager(form.base(), form.filter(), result));
            model.addAttribute("exportHref", form.base() + "/export.xlsx" + form.filter().query(null));
        } catch (BadInputException e) {
            refuse(e, model, response);
        }
        return "audit";
    }

    /** Every entry the filters select, as the page words them; bad filters are answered as on the page. */
    @GetMapping("/app/campaigns/{campaignId}/audit/export.xlsx")
    String export(@PathVariable Long campaignId, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String indicator, @RequestParam(required = false) String actor,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  Model model, HttpServletResponse response) throws IOException {
        Form form = form(campaignId, unit, indicator, actor, from, to, model);
        if (form.filter() == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit";
        }
        response.setContentType(Workbooks.XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(form.scope().year() + "年度审计记录.xlsx", StandardCharsets.UTF_8).build().toString());
        trail.export(form.scope(), form.filter(), response.getOutputStream());
        return null;
    }

    /** The scope, the filter (null when it cannot be read) and what the page's form shows. */
    private record Form(AuditScope scope, AuditFilter filter, String base) {
    }

    private Form form(Long campaignId, String unit, String indicator, String actor, String from, String to, Model model) {
        if (!user.isCoordinator()) {
            throw new AccessDenied("审计记录仅区政府办公室可查看");
        }
        AuditScope scope = scopes.of(campaignId);
        Catalogue catalogue = catalogues.forYear(scope.catalogueYear()).orElseThrow(() ->
                new IllegalStateException("No catalogue " + scope.catalogueYear() + " for campaign " + campaignId));
        AuditDescriber.Wording wording = describer.wording(scope);
        String base = "/app/campaigns/" + campaignId + "/audit";
        model.addAttribute("year", scope.year());
        model.addAttribute("base", base);
        model.addAttribute("headers", AuditRow.HEADERS);
        model.addAttribute("pageSize", AuditTrail.PAGE_SIZE);
        model.addAttribute("rows", List.of());
        model.addAttribute("units", referenceData.unitOrder().sorted(scope.unitCodes(), code -> code).stream()
                .map(code -> new Choice(code, wording.unit(code))).toList());
        model.addAttribute("indicators", catalogue.indicators().stream()
                .map(i -> new Choice(i.code(), i.code() + " " + i.name())).toList());
        List<Choice> actors = new ArrayList<>(trail.actors(campaignId).stream()
                .map(a -> new Choice(a, wording.actor(a))).toList());
        if (actor != null && !actor.isBlank() && actors.stream().noneMatch(c -> c.value().equals(actor.strip()))) {
            actors.add(new Choice(actor.strip(), wording.actor(actor.strip())));
        }
        model.addAttribute("actors", actors);
        model.addAttribute("typed", typed(unit, indicator, actor, from, to));
        try {
            AuditFilter filter = AuditFilter.read(unit, indicator, actor, from, to, scope, catalogue);
            model.addAttribute("filtered", !filter.isEmpty());
            return new Form(scope, filter, base);
        } catch (BadInputException e) {
            model.addAttribute("errors", e.errors().stream().map(InputError::reason).toList());
            return new Form(scope, null, base);
        }
    }

    private static void refuse(BadInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", e.errors().stream().map(InputError::reason).toList());
    }

    /** The filters as typed, to show them again in the form (also when they were refused). */
    private static Map<String, String> typed(String unit, String indicator, String actor, String from, String to) {
        return Map.of("unit", strip(unit), "indicator", strip(indicator), "actor", strip(actor), "from", strip(from),
                "to", strip(to));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** 首页, 上一页, up to two pages either side, 下一页, 末页. */
    private static List<PageLink> pager(String base, AuditFilter filter, AuditTrail.Page page) {
        List<PageLink> links = new ArrayList<>();
        int current = page.number();
        int last = page.pages();
        if (last == 1) {
            return links;
        }
        links.add(new PageLink("首页", current > 1 ? base + filter.query(1) : null, false));
        links.add(new PageLink("上一页", current > 1 ? base + filter.query(current - 1) : null, false));
        for (int n = Math.max(1, current - 2); n <= Math.min(last, current + 2); n++) {
            links.add(new PageLink(String.valueOf(n), n == current ? null : base + filter.query(n), n == current));
        }
        links.add(new PageLink("下一页", current < last ? base + filter.query(current + 1) : null, false));
        links.add(new PageLink("末页", current < last ? base + filter.query(last) : null, false));
        return links;
    }
}
