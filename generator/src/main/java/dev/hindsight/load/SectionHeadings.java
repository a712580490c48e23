package dev.hindsight.load;

import dev.hindsight.model.SectionRole;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Recognises the known sections by their heading, in Chinese or English, ignoring case, punctuation,
 * numbering ("3. Timeline", "一、执行摘要") and parenthesised remarks ("短期措施（1周内）").
 */
final class SectionHeadings {
    private static final Map<String, SectionRole> ROLES = new HashMap<>();

    static {
        names(SectionRole.BASIC_INFORMATION, "基本信息", "Basic information", "Basic info", "Incident details",
                "Metadata");
        names(SectionRole.SUMMARY, "执行摘要", "摘要", "概述", "Summary", "Executive summary", "Overview");
        names(SectionRole.TIMELINE, "故障时间线", "时间线", "Timeline", "Incident timeline");
        names(SectionRole.IMPACT, "影响分析", "影响", "Impact", "Impact analysis");
        names(SectionRole.USER_IMPACT, "用户影响", "User impact", "Customer impact");
        names(SectionRole.SYSTEM_IMPACT, "系统影响", "System impact");
        names(SectionRole.ROOT_CAUSE_ANALYSIS, "根本原因分析", "根因分析", "Root cause analysis");
        names(SectionRole.DIRECT_CAUSE, "直接原因", "Direct cause", "Proximate cause");
        names(SectionRole.FIVE_WHYS, "根本原因", "根因", "5 Whys", "Whys", "Five whys", "Root cause",
                "Root cause 5 Whys");
        names(SectionRole.CONTRIBUTING_FACTORS, "贡献因素", "促成因素", "Contributing factors");
        names(SectionRole.ACTION_ITEMS, "改进措施", "Action items", "Actions", "Follow-up actions",
                "Corrective actions");
        names(SectionRole.IMMEDIATE_ACTIONS, "立即措施", "Immediate", "Immediate actions");
        names(SectionRole.SHORT_TERM_ACTIONS, "短期措施", "Short-term", "Short term", "Short-term actions");
        names(SectionRole.LONG_TERM_ACTIONS, "长期措施", "Long-term", "Long term", "Long-term actions");
        names(SectionRole.LESSONS, "经验教训", "Lessons learned", "Lessons");
        names(SectionRole.WENT_WELL, "做得好的地方", "What went well", "Went well");
        names(SectionRole.TO_IMPROVE, "需要改进的地方", "To improve", "What went wrong", "What could be improved",
                "Needs improvement", "What to improve");
        names(SectionRole.REFERENCES, "参考资料", "相关数据", "References", "Supporting data");
    }

    private SectionHeadings() {
    }

    private static void names(SectionRole role, String... headings) {
        for (String heading : headings) {
            ROLES.put(normalise(heading), role);
        }
    }

    /** The role a heading names, or {@code null} for an author's own heading. */
    static SectionRole role(String heading) {
        return ROLES.get(normalise(heading));
    }

    static String normalise(String heading) {
        // Every heading and label of every report comes through here: skip the costly steps when the
        // text cannot need them (most headings are already NFKC, unnumbered and without remarks).
        String text = Normalizer.isNormalized(heading, Normalizer.Form.NFKC) ? heading
                : Normalizer.normalize(heading, Normalizer.Form.NFKC);
        if (startsWithNumbering(text)) {
            text = withoutNumbering(text);
        }
        if (text.indexOf('(') >= 0 || text.indexOf('[') >= 0) {
            text = withoutRemarks(text);
        }
        // A loop rather than a stream of code points: the stream's lambdas were 1% of a build's CPU with C1.
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(Character.toLowerCase(c));
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * The text without "(…)" and "[…]" remarks, each running to the first closing bracket. Written out
     * rather than as {@code \([^)]*\)|\[[^]]*]}, which rescans to the end from every unclosed bracket:
     * quadratic, minutes for a heading of 100,000 '('. Here a bracket with no closing one after it stops
     * the search for that kind of bracket, so each character is looked at a bounded number of times.
     */
    static String withoutRemarks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean parenthesesClosed = true;
        boolean bracketsClosed = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int close = -1;
            if (c == '(' && parenthesesClosed) {
                close = text.indexOf(')', i + 1);
                parenthesesClosed = close >= 0;
            } else if (c == '[' && bracketsClosed) {
                close = text.indexOf(']', i + 1);
                bracketsClosed = close >= 0;
            }
            if (close >= 0) {
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text without a leading "3.", "3.2 ", "一、" numbering. Written out: the regular expression
     * {@code ^\s*(?:[0-9]+(?:\.[0-9]+)*|[一二...十]+)[.、)\s]+} recurses once per repetition of its group
     * and overflowed the stack on a heading of 100,000 "1.".
     */
    static String withoutNumbering(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < text.length() && isAsciiDigit(text.charAt(i))) {
            while (i < text.length() && isAsciiDigit(text.charAt(i))) {
                i++;
            }
            while (i + 1 < text.length() && text.charAt(i) == '.' && isAsciiDigit(text.charAt(i + 1))) {
                i++;
                while (i < text.length() && isAsciiDigit(text.charAt(i))) {
                    i++;
                }
            }
        } else {
            while (i < text.length() && "一二三四五六七八九十".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
        }
        int numbered = i;
        while (i < text.length() && (".、)".indexOf(text.charAt(i)) >= 0 || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        return numbered == start || i == numbered ? text : text.substring(i);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean startsWithNumbering(String text) {
        String stripped = text.stripLeading();
        return !stripped.isEmpty() && (Character.isDigit(stripped.charAt(0)) || "一二三四五六七八九十".indexOf(stripped.charAt(0)) >= 0);
    }
}
