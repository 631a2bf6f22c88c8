package cn.huangpu.assessment.notification.process;

import cn.huangpu.assessment.notification.internal.GroupMailer;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Mails a group's members (their Camunda e-mail addresses) when {@code spring.mail.host} is set. */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class IdentityGroupMailer implements GroupMailer {

    private static final Logger log = LoggerFactory.getLogger(IdentityGroupMailer.class);

    private final JavaMailSender sender;
    private final IdentityService identityService;

    IdentityGroupMailer(JavaMailSender sender, IdentityService identityService) {
        this.sender = sender;
        this.identityService = identityService;
    }

    @Override
    public boolean send(String groupId, String message) {
        List<String> addresses = identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail).filter(e -> e != null && !e.isBlank() && !e.endsWith(".invalid")).toList();
        if (addresses.isEmpty()) {
            return false;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setTo(addresses.toArray(String[]::new));
        mail.setSubject("政务公开考核评估提醒");
        mail.setText(message);
        try {
            sender.send(mail);
            return true;
        } catch (MailException e) {
            log.warn("Mail to group {} failed: {}", groupId, e.getMessage());
            return false;
        }
    }
}
