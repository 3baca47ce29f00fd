package org.jiaoyan.plan.web;

import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A button's action on a plan or item page (submit, approve, mark done …): success flashes its message, a refusal the
 * user can act on (wrong state, stale version, missing reason) flashes why; the caller redirects back to the page.
 */
final class Steps {

    private Steps() {
    }

    static void run(RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            Flash.success(redirect, success);
        } catch (ValidationException | StaleEditException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
    }
}
