package com.lightningpos.hub.security;

import com.lightningpos.hub.sync.SyncSecurity;
import com.lightningpos.hub.sync.TokenService;
import com.lightningpos.hub.sync.SyncProblems;
import com.lightningpos.hub.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Separate chains for separate callers: shops on {@code /sync/v1} (bearer JWT, stateless, see the
 * sync package), automation on {@code /api/admin} (HTTP Basic with a console user, stateless),
 * and people in the Vaadin console (session and login view).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain publicEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                        "/api/docs/**", "/v3/api-docs/**", "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain syncApi(HttpSecurity http, TokenService tokens) throws Exception {
        return SyncSecurity.chain(http, tokens);
    }

    @Bean
    @Order(3)
    SecurityFilterChain adminApi(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/admin/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    // Automation gets a problem document it can read, never a login page.
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Lightning POS hub\"");
                    SyncProblems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                            "Send HTTP Basic credentials of a console user.", request.getRequestURI());
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .logout(Customizer.withDefaults())
                .build();
    }
}
