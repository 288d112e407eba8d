package com.lightningpos.hub.sync;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a shop from its {@code Authorization: Bearer} token. A bad token leaves the request
 * unauthenticated and notes why, so the entry point can answer 401 {@code token_expired} or
 * {@code unauthorized}. Deliberately not a bean: Spring Boot would register it for every URL.
 */
final class ShopTokenFilter extends OncePerRequestFilter {

    static final String FAILURE_ATTRIBUTE = ShopTokenFilter.class.getName() + ".failure";

    private final TokenService tokens;

    ShopTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                ShopPrincipal shop = tokens.verify(header.substring(7).strip());
                SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
                SecurityContext context = strategy.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(shop, null,
                        List.of(new SimpleGrantedAuthority("ROLE_SHOP"))));
                strategy.setContext(context);
            } catch (TokenService.InvalidTokenException e) {
                request.setAttribute(FAILURE_ATTRIBUTE, e);
            }
        }
        chain.doFilter(request, response);
    }
}
