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
}
