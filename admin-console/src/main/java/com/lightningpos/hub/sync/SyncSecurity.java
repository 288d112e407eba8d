package com.lightningpos.hub.sync;

import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The security filter chain of {@code /sync/v1/**}: stateless, a shop's bearer JWT, and a 401 or
 * 403 problem document (never a redirect to the console's login page) when it is missing or bad.
 */
public final class SyncSecurity {

    private SyncSecurity() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, TokenService tokens) throws Exception {
        return http.securityMatcher(SyncProtocol.BASE + "/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(SyncProtocol.TOKEN, SyncProtocol.ENROL).permitAll()
                        .anyRequest().hasRole("SHOP"))
                .addFilterBefore(new ShopTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> {
                            Object reason = request.getAttribute(ShopTokenFilter.FAILURE_ATTRIBUTE);
                            boolean expired = reason instanceof TokenService.InvalidTokenException t && t.expired();
                            String detail = reason instanceof Exception t ? t.getMessage()
                                    : "A bearer token is required: exchange the shop's credentials at " + SyncProtocol.TOKEN + ".";
                            response.setHeader("WWW-Authenticate", "Bearer");
                            SyncProblems.write(response, HttpStatus.UNAUTHORIZED, expired ? Codes.TOKEN_EXPIRED : Codes.UNAUTHORIZED,
                                    detail, request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, denied) -> SyncProblems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "This call is not allowed with this token.", request.getRequestURI())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .build();
    }
}
