package cn.huangpu.assessment.security;

import cn.huangpu.assessment.directory.Unit;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.directory.Evaluator;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts of the embedded default, one per role and one per unit and evaluator, all with the
 * password {@value #PASSWORD}. Only under the {@code demo} profile, which is never active with
 * {@code postgres}. Idempotent: an existing account is left as it is.
 */
@Component
@Profile("demo")
@Order(IdentitySeeder.ORDER + 1)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final IdentityService identityService;
    private final ReferenceData referenceData;

    DemoAccounts(IdentityService identityService, ReferenceData referenceData) {
        this.identityService = identityService;
        this.referenceData = referenceData;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        created += ensureUser("admin", "系统", "管理员", Groups.ADMIN);
        created += ensureUser("office01", "区政府办公室", "协调员", Groups.COORDINATOR);
        created += ensureUser("leader01", "区领导", "审定人", Groups.LEADER);
        for (Evaluator evaluator : referenceData.evaluators()) {
            created += ensureUser(evaluatorUserId(evaluator.code()), evaluator.name(), "评估员",
                    Groups.evaluator(evaluator.code()));
        }
        for (Unit unit : referenceData.activeUnits()) {
            created += ensureUser(unitUserId(unit.code()), unit.name(), "联络员", Groups.unit(unit.code()));
        }
        log.info("Demo accounts checked, {} created (password '{}')", created, PASSWORD);
    }

    static String unitUserId(String unitCode) {
        return unitCode + "01";
    }

    static String evaluatorUserId(String evaluatorCode) {
        return "eval-" + evaluatorCode.toLowerCase(Locale.ROOT);
    }

    private int ensureUser(String id, String firstName, String lastName, String groupId) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return 0;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(PASSWORD);
        user.setEmail(id + "@demo.invalid");
        identityService.saveUser(user);
        identityService.createMembership(id, groupId);
        return 1;
    }
}
