package cn.huangpu.assessment.security;

import cn.huangpu.assessment.web.TypedText;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What an account or a group may hold, decided in the engine's identity service, so that every route gets the
 * same answer (a user's own profile through the REST API or the Tasklist, an administrator's new account in the
 * Admin webapp, the application's seeding): ids within the engine's 64 characters, names and e-mail within its
 * 255, and no control characters. A unit's staff saving their own profile with a name of 300 characters got a
 * 500, and one with a control character was stored.
 */
@Component
class AccountInputPolicy extends AbstractProcessEnginePlugin {

    /** ACT_ID_USER.ID_ and ACT_ID_GROUP.ID_. */
    static final int ID_LENGTH = 64;
    /** The names, the e-mail and the group type. */
    static final int TEXT_LENGTH = 255;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityService(new CheckedIdentityService());
    }

    static final class CheckedIdentityService extends IdentityServiceImpl {

        @Override
        public void saveUser(User user) {
            check(user);
            super.saveUser(user);
        }

        @Override
        public void saveUser(User user, boolean skipPasswordPolicy) {
            check(user);
            super.saveUser(user, skipPasswordPolicy);
        }

        @Override
        public void saveGroup(Group group) {
            field("用户组标识", group.getId(), ID_LENGTH);
            field("用户组名称", group.getName(), TEXT_LENGTH);
            field("用户组类型", group.getType(), TEXT_LENGTH);
            super.saveGroup(group);
        }

        private static void check(User user) {
            field("用户名", user.getId(), ID_LENGTH);
            field("名", user.getFirstName(), TEXT_LENGTH);
            field("姓", user.getLastName(), TEXT_LENGTH);
            field("电子邮箱", user.getEmail(), TEXT_LENGTH);
        }

        /** @throws BadUserRequestException (400 on the REST API) naming the field and the reason */
        private static void field(String label, String value, int most) {
            if (value == null) {
                return;
            }
            if (TypedText.hasControlCharacters(value)) {
                throw new BadUserRequestException("“" + label + "”含有控制字符，请删除后再保存");
            }
            if (value.length() > most) {
                throw new BadUserRequestException("“" + label + "”最多" + most + "个字符，收到" + value.length() + "个");
            }
        }
    }
}
