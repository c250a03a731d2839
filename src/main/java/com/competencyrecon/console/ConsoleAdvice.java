package com.competencyrecon.console;

import com.competencyrecon.operations.api.ApiSecurity;
import com.competencyrecon.schedule.JobDescriptorException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every console page knows: who is signed in and whether they may change things (the templates show
 * operator controls only then; the server refuses the posts of anyone else whatever the page showed). Bad
 * input and unknown things are answered inside the console with the reason.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    @ModelAttribute("operator")
    boolean operator(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + ApiSecurity.OPERATOR));
    }

    @ModelAttribute("userName")
    String userName(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(IllegalArgumentException e, Model model) {
        model.addAttribute("title", "Not possible");
        model.addAttribute("message", e.getMessage());
        return "console/problem";
    }

    /** A descriptor edited since the start that can no longer be used: say which and why, as the start would. */
    @ExceptionHandler(JobDescriptorException.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String badDescriptor(JobDescriptorException e, Model model) {
        model.addAttribute("title", "A schedule cannot be read");
        model.addAttribute("message", e.getMessage());
        return "console/problem";
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model) {
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "console/problem";
    }

    /** Something the console was asked to show does not exist. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
