package com.competencyrecon.operations.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * The HTTP API's access: HTTP Basic over users from configuration ({@code recon.api.users}), never from the
 * code. An {@code ANALYST} may read runs, schedules and reports; an {@code OPERATOR} may also start, stop and
 * recover nights, start backfills and read a run's log. Actuator's health and info are open (a load balancer or
 * a probe asks them unauthenticated); metrics, the Prometheus scrape and the OpenAPI description are for both
 * roles (a scraper is given an analyst's account: it reads, it changes nothing); anything else is the operators'.
 */
@Configuration
@ConditionalOnWebApplication
@EnableConfigurationProperties(ApiSecurity.ApiUsers.class)
public class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    public static final String ANALYST = "ANALYST";
    public static final String OPERATOR = "OPERATOR";

    /**
     * The API's users.
     *
     * @param users each with a name, a password (encoded, e.g. {bcrypt}..., or plain text) and a role (ANALYST or
     *              OPERATOR); none = the API answers no one. Set them through the environment, e.g.
     *              RECON_API_USERS_0_PASSWORD
     */
    @ConfigurationProperties("recon.api")
    public record ApiUsers(List<ApiUser> users) {

        public ApiUsers {
            users = users == null ? List.of() : List.copyOf(users);
        }

        public record ApiUser(String name, String password, String role) {
        }
    }

    @Bean
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").hasAnyRole(ANALYST, OPERATOR)
                        // A run's log may name the files and records it read: the operators' to see.
                        .requestMatchers(HttpMethod.GET, "/api/runs/*/log").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ANALYST, OPERATOR)
                        .requestMatchers("/api/**").hasRole(OPERATOR)
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService apiUsers(ApiUsers configured) {
        List<UserDetails> users = configured.users().stream().map(u -> {
            if (u.name() == null || u.name().isBlank() || u.password() == null || u.password().isBlank()) {
                throw new IllegalStateException("recon.api.users: every user needs a name and a password");
            }
            if (!ANALYST.equals(u.role()) && !OPERATOR.equals(u.role())) {
                throw new IllegalStateException("recon.api.users: user " + u.name() + " has role '" + u.role()
                        + "'; the roles are " + ANALYST + " and " + OPERATOR);
            }
            String password = u.password().startsWith("{") ? u.password() : "{noop}" + u.password();
            return User.withUsername(u.name()).password(password).roles(u.role()).build();
        }).map(UserDetails.class::cast).toList();
        if (users.isEmpty()) {
            log.warn("No API user is configured (recon.api.users): the HTTP API answers no one");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
