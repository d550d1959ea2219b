package dev.ignis.engine.internal.boot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes credentials out of a JDBC URL before the pool and the JDBC driver see it: JDBC drivers log the URL they are
 * given and echo parts of it in their errors. The credentials go to the connection properties instead.
 */
record UrlCredentials(String url, String user, String password) {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("([?&;])(?i:password)=([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[^/]*//)([^/@?;]*)@");

    static UrlCredentials split(String url) {
        String user = null;
        String password = null;
        String rest = url;
        Matcher info = USER_INFO.matcher(rest);
        if (info.find()) {
            String userInfo = info.group(2);
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            password = colon < 0 ? null : userInfo.substring(colon + 1);
            rest = info.group(1) + rest.substring(info.end());
        }
        Matcher parameter = PASSWORD_PARAMETER.matcher(rest);
        if (parameter.find()) {
            password = parameter.group(2);
            String before = rest.substring(0, parameter.start());
            String after = rest.substring(parameter.end());
            // "?password=x&a=1" keeps "?a=1"; "&password=x" and ";password=x" just disappear.
            if (parameter.group(1).equals("?") && after.startsWith("&")) {
                after = "?" + after.substring(1);
            }
            rest = before + after;
        }
        return new UrlCredentials(rest, user, password);
    }
}
