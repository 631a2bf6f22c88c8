package cn.huangpu.assessment.security;

import cn.huangpu.assessment.directory.Unit;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.directory.Evaluator;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Least privilege in the engine (authorization is on): units and evaluators see only the tasks they
 * are candidates for (the engine grants those per task) and use the Tasklist; the coordinator sees
 * and works every task and instance of the assessment and uses Cockpit; leaders read; both read the history
 * (and operation log) of the assessment's processes only, not the Admin log; administrators
 * ({@code camunda-admin}) hold every permission on every resource. Also seeds the Tasklist filters 我的任务,
 * 本单位待办 and 已逾期. Idempotent: grants are merged into existing authorizations.
 */
@Component
@Order(IdentitySeeder.ORDER + 2)
class AuthorizationSeeder implements ApplicationRunner {

    static final String ALL = Authorization.ANY;
    static final String FILTER_MINE = "我的任务";
    static final String FILTER_GROUP = "本单位待办";
    static final String FILTER_OVERDUE = "已逾期";
    /** The processes whose history the coordinator and leaders read. */
    static final List<String> ASSESSMENT_PROCESSES =
            List.of(CampaignProcess.KEY, UnitAssessmentProcess.KEY, SpecialistEvaluationProcess.KEY, DeadlineProcess.KEY,
                    RectificationProcess.KEY, RectificationProcess.LAUNCH_KEY, UnitFeedbackProcess.KEY);

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSeeder.class);

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService taskService;
    private final ReferenceData referenceData;

    AuthorizationSeeder(AuthorizationService authorizations, FilterService filters, TaskService taskService,
                        ReferenceData referenceData) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.taskService = taskService;
        this.referenceData = referenceData;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> staff = new ArrayList<>(List.of(Groups.COORDINATOR, Groups.LEADER));
        referenceData.activeUnits().stream().map(Unit::code).map(Groups::unit).forEach(staff::add);
        referenceData.evaluators().stream().map(Evaluator::code).map(Groups::evaluator).forEach(staff::add);
        for (String group : staff) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        // The engine's admin group gets nothing by membership alone: administrators need ALL on every resource.
        for (Resources resource : Resources.values()) {
            grant(Groups.ADMIN, resource, ALL, Permissions.ALL);
        }

        grant(Groups.COORDINATOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // Variable permissions are enforced (enforce-specific-variable-permission): the office's forms show
        // variables, so it reads them; nobody writes a variable except through a task's form (workflow/TaskCompletionPolicy).
        // UPDATE on a task would also write its variables: the office works and assigns tasks instead.
        grant(Groups.COORDINATOR, Resources.TASK, ALL, Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN,
                TaskPermissions.READ_VARIABLE);
        revoke(Groups.COORDINATOR, Resources.TASK, ALL, Permissions.UPDATE);
        revoke(Groups.COORDINATOR, Resources.PROCESS_DEFINITION, ALL, ProcessDefinitionPermissions.UPDATE_TASK);
        grant(Groups.COORDINATOR, Resources.PROCESS_DEFINITION, ALL, Permissions.READ, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        // The office starts the campaign and nothing else: the unit, evaluator, deadline, feedback and
        // rectification processes are the campaign's to start, with the variables it gives them (a start of one
        // through the REST API created a second evaluation of an evaluator, or a rectification before publication)
        revoke(Groups.COORDINATOR, Resources.PROCESS_DEFINITION, ALL, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(Groups.COORDINATOR, Resources.PROCESS_DEFINITION, CampaignProcess.KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grantHistoryOfTheAssessment(Groups.COORDINATOR);
        grant(Groups.COORDINATOR, Resources.PROCESS_INSTANCE, ALL, Permissions.READ, Permissions.CREATE);
        grant(Groups.COORDINATOR, Resources.DECISION_DEFINITION, ALL, Permissions.READ);
        grant(Groups.COORDINATOR, Resources.DEPLOYMENT, ALL, Permissions.READ);

        grant(Groups.LEADER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.LEADER, Resources.PROCESS_DEFINITION, ALL, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grantHistoryOfTheAssessment(Groups.LEADER);
        grant(Groups.LEADER, Resources.PROCESS_INSTANCE, ALL, Permissions.READ);

        narrowTaskGrants();

        seedFilter(FILTER_GROUP, 1, "本单位（本人所在组）可认领和办理的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        seedFilter(FILTER_MINE, 2, "分配给我本人的任务", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        seedFilter(FILTER_OVERDUE, 3, "已超过截止时间、尚未办结的任务",
                taskService.createTaskQuery().dueBeforeExpression("${now()}"));
        log.info("Authorizations and Tasklist filters checked");
    }

    /**
     * READ_HISTORY per process key, never on "*": the engine shows a user-operation-log entry to anyone with
     * READ_HISTORY on the process definition "*" even when the entry belongs to no process, which is the
     * Admin log (accounts, memberships, authorizations). A grant per key shows only the entries of those
     * processes. A "*" grant seeded by an earlier version loses the permission.
     */
    private void grantHistoryOfTheAssessment(String groupId) {
        revoke(groupId, Resources.PROCESS_DEFINITION, ALL, ProcessDefinitionPermissions.READ_HISTORY);
        for (String key : ASSESSMENT_PROCESSES) {
            grant(groupId, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_HISTORY);
        }
    }

    /** Takes permissions out of a group's grant, if it holds them. */
    private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).singleResult();
        if (authorization == null) {
            return;
        }
        boolean held = false;
        for (Permission permission : permissions) {
            if (authorization.isPermissionGranted(permission)) {
                authorization.removePermission(permission);
                held = true;
            }
        }
        if (held) {
            authorizations.saveAuthorization(authorization);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }

    /**
     * Tasks opened before candidates got READ and TASK_WORK only ({@link CandidatePermissions}) carry UPDATE
     * or READ_VARIABLE for their unit's or evaluator's group and their assignee; those become TASK_WORK.
     */
    private void narrowTaskGrants() {
        for (Permission permission : List.of(Permissions.UPDATE, TaskPermissions.READ_VARIABLE, TaskPermissions.UPDATE_VARIABLE)) {
            for (Authorization authorization : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).hasPermission(permission).list()) {
                if (!ALL.equals(authorization.getResourceId())) {
                    authorization.removePermission(permission);
                    authorization.addPermission(TaskPermissions.TASK_WORK);
                    authorizations.saveAuthorization(authorization);
                }
            }
        }
    }

    private void seedFilter(String name, int priority, String description, Query<TaskQuery, ?> query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
            filter.setQuery((TaskQuery) query);
            filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
            filters.saveFilter(filter);
        }
        grantEveryone(filter.getId());
    }

    private void grantEveryone(String filterId) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(Resources.FILTER).resourceId(filterId)
                .singleResult();
        if (existing == null) {
            Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            global.setUserId(Authorization.ANY);
            global.setResource(Resources.FILTER);
            global.setResourceId(filterId);
            global.addPermission(Permissions.READ);
            authorizations.saveAuthorization(global);
        }
    }
}
