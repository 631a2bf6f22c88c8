package cn.huangpu.assessment.security;

import cn.huangpu.assessment.directory.Unit;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.directory.Evaluator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the Camunda groups that the roles and the reference data need: one per unit, one per
 * specialist evaluator, coordinator, leader and admin. Idempotent: existing groups are renamed if the
 * reference data renamed them and otherwise left alone. Runs in every profile; the only user it creates
 * is the bootstrap administrator, when one is configured and does not exist yet.
 */
@Component
@Order(IdentitySeeder.ORDER)
class IdentitySeeder implements ApplicationRunner {

    static final int ORDER = 10;
    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

    private final IdentityService identityService;
    private final ReferenceData referenceData;
    private final BootstrapAdminProperties bootstrapAdmin;

    IdentitySeeder(IdentityService identityService, ReferenceData referenceData, BootstrapAdminProperties bootstrapAdmin) {
        this.identityService = identityService;
        this.referenceData = referenceData;
        this.bootstrapAdmin = bootstrapAdmin;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        created += ensureGroup(Groups.COORDINATOR, "区政府办公室（考核评估）", Groups.TYPE_ROLE);
        created += ensureGroup(Groups.LEADER, "区领导（审定结果）", Groups.TYPE_ROLE);
        created += ensureGroup(Groups.ADMIN, "系统管理员", Groups.TYPE_SYSTEM);
        for (Unit unit : referenceData.activeUnits()) {
            created += ensureGroup(Groups.unit(unit.code()), unit.name(), Groups.TYPE_UNIT);
        }
        for (Evaluator evaluator : referenceData.evaluators()) {
            created += ensureGroup(Groups.evaluator(evaluator.code()),
                    evaluator.name() + "（专项评估）", Groups.TYPE_EVALUATOR);
        }
        log.info("Identity groups checked, {} created", created);
        if (bootstrapAdmin.isGiven() && identityService.createUserQuery().userId(bootstrapAdmin.id()).count() == 0) {
            User admin = identityService.newUser(bootstrapAdmin.id());
            admin.setFirstName("系统");
            admin.setLastName("管理员");
            admin.setPassword(bootstrapAdmin.password());
            identityService.saveUser(admin);
            identityService.createMembership(admin.getId(), Groups.ADMIN);
            log.info("Bootstrap administrator '{}' created", admin.getId());
        }
    }

    private int ensureGroup(String id, String name, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
            return 1;
        }
        if (!name.equals(group.getName()) || !type.equals(group.getType())) {
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
        return 0;
    }
}
