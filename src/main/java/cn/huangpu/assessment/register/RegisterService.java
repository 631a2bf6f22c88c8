package cn.huangpu.assessment.register;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.calendar.WorkingDayCalendar;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.register.internal.RegisterRow;
import cn.huangpu.assessment.register.internal.RegisterRowRepository;
import cn.huangpu.assessment.register.internal.VoidNumber;
import cn.huangpu.assessment.register.internal.VoidNumberRepository;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.NotFoundException;
import java.sql.Date;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's registers: replacing a whole register (an upload), adding or removing one row, recording void numbers,
 * and the figures they give. Every change is refused while the campaign's results are frozen, is checked before
 * anything is written, runs under a lock on the unit's participation (so that two uploads of one register do not
 * mix their rows) and is audited in its transaction.
 */
@Service
@Transactional
class RegisterService {

    static final String TITLE = "登记未保存";

    private final RegisterRowRepository rows;
    private final VoidNumberRepository voids;
    private final CampaignService campaigns;
    private final Catalogues catalogues;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RegisterService(RegisterRowRepository rows, VoidNumberRepository voids, CampaignService campaigns,
                    Catalogues catalogues, WorkingDayCalendar calendar, AuditLog audit, JdbcTemplate jdbc, Clock clock) {
        this.rows = rows;
        this.voids = voids;
        this.campaigns = campaigns;
        this.catalogues = catalogues;
        this.calendar = calendar;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An input of the campaign's catalogue bound to a register, with its indicator. */
    record Binding(Indicator indicator, Input input) {
        String key() {
            return indicator.code() + "/" + input.name();
        }
    }

    /** The inputs of the campaign's catalogue bound to {@code register}, in catalogue order. */
    @Transactional(readOnly = true)
    public List<Binding> bindings(Long campaignId, Register register) {
        return bindings(catalogue(campaigns.get(campaignId)), register);
    }

    static List<Binding> bindings(Catalogue catalogue, Register register) {
        List<Binding> bound = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            for (Input input : indicator.inputs()) {
                if (input.fromRegister() && input.from().register().equals(register.code())) {
                    bound.add(new Binding(indicator, input));
                }
            }
        }
        return bound;
    }

    /** The registers the campaign's catalogue binds any input to. */
    @Transactional(readOnly = true)
    public List<Register> registers(Long campaignId) {
        Catalogue catalogue = catalogue(campaigns.get(campaignId));
        return List.of(Register.values()).stream().filter(r -> !bindings(catalogue, r).isEmpty()).toList();
    }

    /**
     * The register named {@code code} if the campaign's catalogue uses it; an unknown one, or one no input is bound
     * to, is not found (the same answer as an unknown campaign).
     */
    @Transactional(readOnly = true)
    public Register register(Long campaignId, String code) {
        return Register.of(code).filter(r -> registers(campaignId).contains(r))
                .orElseThrow(() -> new NotFoundException("register " + code));
    }

    @Transactional(readOnly = true)
    public List<RegisteredRow> rows(Long campaignId, String unitCode, Register register) {
        return rows.findByCampaignIdAndUnitCodeAndRegisterOrderByPositionAscIdAsc(campaignId, unitCode, register.code())
                .stream().map(RegisterService::registered).toList();
    }

    @Transactional(readOnly = true)
    public List<RecordedVoid> voidNumbers(Long campaignId, String unitCode, Register register) {
        return voids.findByCampaignIdAndUnitCodeAndRegisterOrderByNumberAsc(campaignId, unitCode, register.code())
                .stream().map(RegisterService::recorded).toList();
    }

    private static RegisteredRow registered(RegisterRow row) {
        return new RegisteredRow(row.getId(), row.getPosition(), entry(row));
    }

    /** The row's content, as the checks and the figures read it. */
    private static RegisterEntry entry(RegisterRow row) {
        return new RegisterEntry(row.getNumber(), row.getTitle(), row.getStartDate(),
                row.getDisclosure() == null ? null : Disclosure.valueOf(row.getDisclosure()), row.getWithheldReason(),
                row.getEndDate());
    }

    private static RecordedVoid recorded(VoidNumber number) {
        return new RecordedVoid(number.getId(), number.getNumber(), number.getReason(), number.getEnteredBy(),
                number.getEnteredAt());
    }

    /** A unit's figures of one register: null when the register has no row (nothing is computed from it). */
    @Transactional(readOnly = true)
    public RegisterFigures figures(Long campaignId, String unitCode, Register register) {
        List<RegisteredRow> registered = rows(campaignId, unitCode, register);
        if (registered.isEmpty()) {
            return null;
        }
        return new RegisterFigures(register, registered.stream().map(RegisteredRow::entry).toList(),
                voidReasons(voidNumbers(campaignId, unitCode, register)), calendar);
    }

    /** Every unit's figures of one register, from two reads; units without rows are left out. */
    @Transactional(readOnly = true)
    public Map<String, RegisterFigures> figures(Long campaignId, Register register) {
        Map<String, List<RegisterEntry>> byUnit = new LinkedHashMap<>();
        rows.findByCampaignIdAndRegisterOrderByUnitCodeAscPositionAscIdAsc(campaignId, register.code())
                .forEach(r -> byUnit.computeIfAbsent(r.getUnitCode(), u -> new ArrayList<>()).add(entry(r)));
        Map<String, List<RecordedVoid>> voidsByUnit = voids.findByCampaignIdAndRegister(campaignId, register.code()).stream()
                .collect(Collectors.groupingBy(VoidNumber::getUnitCode,
                        Collectors.mapping(RegisterService::recorded, Collectors.toList())));
        Map<String, RegisterFigures> figures = new LinkedHashMap<>();
        byUnit.forEach((unit, entries) -> figures.put(unit, new RegisterFigures(register, entries,
                voidReasons(voidsByUnit.getOrDefault(unit, List.of())), calendar)));
        return figures;
    }

    private static Map<String, String> voidReasons(List<RecordedVoid> numbers) {
        Map<String, String> reasons = new LinkedHashMap<>();
        numbers.forEach(v -> reasons.put(v.number(), v.reason()));
        return reasons;
    }

    /**
     * Replaces the unit's register with {@code entries} (checked rows, in order): all or nothing. A 文号 registered
     * twice, or one recorded as void, refuses the whole, naming the rows.
     *
     * @param where names each entry's place for messages (第N行)
     */
    public int replace(Long campaignId, String unitCode, Register register, List<RegisterEntry> entries,
                       List<String> where, String actor) {
        requireWritable(campaignId, unitCode);
        if (entries.isEmpty()) {
            throw new BadInputException(TITLE, InputError.field("file", "登记中没有" + register.item()
                    + "；请在模板中逐行填写后再导入"));
        }
        Set<String> voided = voidNumbers(campaignId, unitCode, register).stream().map(RecordedVoid::number)
                .collect(Collectors.toSet());
        List<InputError> errors = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String number = entries.get(i).number();
            if (number == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(number, i);
            if (first != null) {
                errors.add(InputError.field(where.get(i), where.get(i), "文号 " + number + " 重复，与" + where.get(first)
                        .replaceAll(" .*", "") + "相同"));
            } else if (voided.contains(number)) {
                errors.add(InputError.field(where.get(i), where.get(i), "文号 " + number + " 已登记为作废号；如该号确已使用，请先删除作废号登记"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(TITLE + "（共" + errors.size() + "处错误，全部未保存）", errors);
        }
        int before = jdbc.update("delete from register_row where campaign_id = ? and unit_code = ? and register_name = ?",
                campaignId, unitCode, register.code());
        insert(campaignId, unitCode, register, entries, 1);
        audit.record(campaignId, subject(unitCode, register), "IMPORT", before == 0 ? null : before + "行",
                entries.size() + "行", null, actor);
        return entries.size();
    }

    /** Adds one checked row at the end of the register. */
    public void add(Long campaignId, String unitCode, Register register, RegisterEntry entry, String actor) {
        requireWritable(campaignId, unitCode);
        List<RegisteredRow> existing = rows(campaignId, unitCode, register);
        if (entry.number() != null) {
            Optional<RegisteredRow> same = existing.stream().filter(r -> entry.number().equals(r.entry().number())).findFirst();
            if (same.isPresent()) {
                throw new BadInputException(TITLE, InputError.field("number", register.numberHeader(),
                        "文号 " + entry.number() + " 已在登记中（第" + same.get().position() + "项）"));
            }
            if (voidNumbers(campaignId, unitCode, register).stream().anyMatch(v -> v.number().equals(entry.number()))) {
                throw new BadInputException(TITLE, InputError.field("number", register.numberHeader(),
                        "文号 " + entry.number() + " 已登记为作废号；如该号确已使用，请先删除作废号登记"));
            }
        }
        int position = existing.stream().mapToInt(RegisteredRow::position).max().orElse(0) + 1;
        insert(campaignId, unitCode, register, List.of(entry), position);
        audit.record(campaignId, subject(unitCode, register), "ADD_ROW", null, describe(entry), null, actor);
    }

    /** Removes one row; a row of another unit or register is not found. */
    public void remove(Long campaignId, String unitCode, Register register, Long rowId, String actor) {
        requireWritable(campaignId, unitCode);
        RegisterRow row = rows.findById(rowId).filter(r -> r.getUnitCode().equals(unitCode)
                        && r.getRegister().equals(register.code()) && r.getCampaignId().equals(campaignId))
                .orElseThrow(() -> new NotFoundException("register row " + rowId));
        rows.delete(row);
        audit.record(campaignId, subject(unitCode, register), "REMOVE_ROW", describe(entry(row)), null, null, actor);
    }

    /** Records a void number with its reason; refused for a number registered as a document or already void. */
    public void addVoid(Long campaignId, String unitCode, Register register, String numberText, String reasonText,
                        String actor) {
        requireWritable(campaignId, unitCode);
        List<InputError> errors = new ArrayList<>();
        DocumentNumber.Parsed parsed = DocumentNumber.parse(numberText);
        String reason = reasonText == null ? "" : reasonText.strip();
        if (!register.documents()) {
            errors.add(InputError.field("number", "作废号", register.label() + "不按文号登记，没有作废号"));
        } else if (numberText != null && numberText.strip().length() > RegisterChecks.MAX_NUMBER_TEXT) {
            errors.add(InputError.field("number", "作废号", "作废号过长：最多" + RegisterChecks.MAX_NUMBER_TEXT + "字"));
        } else if (parsed.problem() != null) {
            errors.add(InputError.field("number", "作废号", parsed.problem()));
        } else {
            String number = parsed.number().toString();
            if (rows(campaignId, unitCode, register).stream().anyMatch(r -> number.equals(r.entry().number()))) {
                errors.add(InputError.field("number", "作废号", "文号 " + number + " 已登记为公文，不能同时登记为作废号"));
            } else if (voidNumbers(campaignId, unitCode, register).stream().anyMatch(v -> v.number().equals(number))) {
                errors.add(InputError.field("number", "作废号", "文号 " + number + " 已登记为作废号"));
            }
        }
        if (reason.isEmpty()) {
            errors.add(InputError.field("reason", "作废理由", "须写明作废的理由"));
        } else if (reason.length() > RegisterChecks.MAX_REASON) {
            errors.add(InputError.field("reason", "作废理由", "作废理由过长：最多" + RegisterChecks.MAX_REASON + "字"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(TITLE, errors);
        }
        String number = parsed.number().toString();
        voids.saveAndFlush(new VoidNumber(campaignId, unitCode, register.code(), number, reason, actor, clock.instant()));
        audit.record(campaignId, subject(unitCode, register), "ADD_VOID", null, number, reason, actor);
    }

    public void removeVoid(Long campaignId, String unitCode, Register register, Long voidId, String actor) {
        requireWritable(campaignId, unitCode);
        VoidNumber number = voids.findById(voidId).filter(v -> v.getUnitCode().equals(unitCode)
                        && v.getRegister().equals(register.code()) && v.getCampaignId().equals(campaignId))
                .orElseThrow(() -> new NotFoundException("void number " + voidId));
        voids.delete(number);
        audit.record(campaignId, subject(unitCode, register), "REMOVE_VOID", number.getNumber(), null, null, actor);
    }

    /** The audit subject of a unit's register: {@code register <unit> <register>}. */
    static String subject(String unitCode, Register register) {
        return "register " + unitCode + " " + register.code();
    }

    private static String describe(RegisterEntry entry) {
        return (entry.number() == null ? "" : entry.number() + " ") + entry.title() + " " + entry.start()
                + (entry.disclosure() == null ? "" : " " + entry.disclosure().label()) + " " + entry.end();
    }

    private void insert(Long campaignId, String unitCode, Register register, List<RegisterEntry> entries, int first) {
        List<Object[]> args = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RegisterEntry e = entries.get(i);
            args.add(new Object[] {campaignId, unitCode, register.code(), first + i, e.number(), e.title(),
                Date.valueOf(e.start()), e.disclosure() == null ? null : e.disclosure().name(), e.reason(),
                Date.valueOf(e.end())});
        }
        jdbc.batchUpdate("insert into register_row (campaign_id, unit_code, register_name, row_position, doc_number, title,"
                + " start_date, disclosure, withheld_reason, end_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    /**
     * Refuses a change once the results are frozen, and takes the unit's participation row for the rest of the
     * transaction: changes of one unit's registers run one after the other.
     */
    private void requireWritable(Long campaignId, String unitCode) {
        CampaignInfo campaign = campaigns.get(campaignId);
        campaigns.requireOpen(campaign);
        campaigns.lockUnit(campaignId, unitCode);
    }

    Catalogue catalogue(CampaignInfo campaign) {
        return catalogues.forYear(campaign.catalogueYear()).orElseThrow();
    }
}
