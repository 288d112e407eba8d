package com.lightningpos.hub.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the admin REST API ({@code /api/admin}). Its errors are answered by
 * {@link AdminApiExceptionHandler}; the {@code /sync/v1} controllers keep their own handler.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdminApi {
}
