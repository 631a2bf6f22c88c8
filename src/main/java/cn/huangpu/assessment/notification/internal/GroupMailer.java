package cn.huangpu.assessment.notification.internal;

/** Sends a notification by e-mail to a group's members; present only when an SMTP server is configured. */
public interface GroupMailer {

    /** Returns whether at least one mail was handed to the server. Never throws: mail is best effort. */
    boolean send(String groupId, String message);
}
