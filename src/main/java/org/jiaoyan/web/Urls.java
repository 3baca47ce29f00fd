package org.jiaoyan.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to the current page with some query parameters replaced: ${@urls.with('page', 2)} keeps the filters. */
@Component("urls")
public class Urls {

    public String with(Object... nameValues) {
        var builder = ServletUriComponentsBuilder.fromCurrentRequest();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            builder.replaceQueryParam(String.valueOf(nameValues[i]), nameValues[i + 1]);
        }
        return builder.build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
    }

    /** Link that sorts the current list by key, toggling the direction when it is already sorted by key. */
    public String sort(String key) {
        boolean desc = "asc".equals(sortDirection(key));
        return with("sort", key, "dir", desc ? "desc" : "asc", "page", 1);
    }

    /** "asc" or "desc" when the current list is sorted by key, else "". */
    public String sortDirection(String key) {
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
        if (!key.equals(request.getParameter("sort"))) {
            return "";
        }
        return "desc".equals(request.getParameter("dir")) ? "desc" : "asc";
    }
}
