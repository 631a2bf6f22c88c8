package cn.huangpu.assessment.linkcheck;

import java.util.List;

/**
 * What fetching one evidence link found.
 *
 * @param outcome      the verdict
 * @param httpStatus   the last response's status, or null when none came
 * @param finalUrl     where the redirects ended
 * @param redirects    every URL passed through, the first included
 * @param responseMs   time for all hops together
 * @param title        the page title, if any
 * @param contentHash  SHA-256 of the page as read, hex
 * @param soft404      a 200 page that says the page does not exist
 * @param keywordFound whether the expected keyword is on the page (null when no page was read)
 * @param detail       the reason in Chinese (why broken, refused or failed)
 */
public record FetchResult(Outcome outcome, Integer httpStatus, String finalUrl, List<String> redirects, long responseMs,
                          String title, String contentHash, boolean soft404, Boolean keywordFound, String detail) {

    public FetchResult {
        redirects = List.copyOf(redirects);
    }

    /** The verdict on a link. */
    public enum Outcome {
        /** Reachable, and the expected keyword is there. */
        OK("正常"),
        /** Not reachable as a page: 404, 410, 403, a soft 404, a redirect loop. Proposes a broken-link finding. */
        BROKEN("断链"),
        /** Reachable but the expected keyword is missing: probably the wrong page. Proposes a wrong-link finding. */
        WRONG("疑似错链"),
        /** Could not be checked (timeout, DNS, server error, too large); retried, never taken as broken. */
        TECHNICAL("检查失败"),
        /** Not fetched on principle: scheme, host outside the allow-list, private address. */
        REFUSED("未检查");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
