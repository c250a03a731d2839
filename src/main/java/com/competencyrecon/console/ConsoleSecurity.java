package com.competencyrecon.console;

import com.competencyrecon.operations.api.ApiSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console's access, over the API's users and roles: form login with a session (people use a browser),
 * CSRF tokens on every form, analysts read and only operators post. It is ordered before the API's chain,
 * which keeps HTTP Basic for {@code /api} and everything else.
 */
@Configuration
@ConditionalOnWebApplication
public class ConsoleSecurity {

    static final String LOGIN = "/console/login";

    @Bean
    @Order(1)
    SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/console/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN, "/console/console.css", "/console/denied").permitAll()
                        .requestMatchers(HttpMethod.GET, "/console/**").hasAnyRole(ApiSecurity.ANALYST,
                                ApiSecurity.OPERATOR)
                        .anyRequest().hasRole(ApiSecurity.OPERATOR))
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/console/nights").permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout"))
                // The forward keeps the 403 and renders it inside the console, not on the API's error page.
                .exceptionHandling(errors -> errors.accessDeniedPage("/console/denied"));
        return http.build();
    }
}
