package io.camrig.engine.camera;

import io.camrig.proto.catalog.Operation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the public method that performs a catalog operation over BLE. The coverage test reads these
 * marks: an operation of the catalog without one fails it, and docs/coverage.md is made from them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Implements {
    /** The operations the method performs. */
    Operation[] value();
}
