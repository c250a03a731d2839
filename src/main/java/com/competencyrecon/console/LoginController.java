package com.competencyrecon.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page (the form posts to Spring Security) and the page a refused action forwards to. */
@Controller
class LoginController {

    @GetMapping(ConsoleSecurity.LOGIN)
    String login() {
        return "console/login";
    }

    @RequestMapping("/console/denied")
    String denied() {
        return "console/denied";
    }
}
